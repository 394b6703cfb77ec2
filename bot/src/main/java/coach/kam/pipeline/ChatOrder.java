package coach.kam.pipeline;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which updates may run now: each chat's updates in the order they arrived, one turn of a chat at
 * a time, chats served round robin. A chat is busy from the moment its updates are taken until
 * {@link #release} (after the commit, or after its deferred work). Not thread-safe: the pipeline
 * calls it under its monitor.
 */
final class ChatOrder {
    private final Map<Long, Line> chats = new LinkedHashMap<>();

    private static final class Line {
        final ArrayDeque<Pending> items = new ArrayDeque<>();
        boolean busy;
    }

    void add(Pending p) {
        line(p.entry().chatKey()).items.add(p);
    }

    /**
     * Up to {@code limit} prepared updates of chats that are free; those chats are busy until
     * released. An update that was running when the process died forms a group of its own, so that
     * if it kills the process again it takes nobody else's turn with it; it waits while
     * {@code suspects} is false (a process that just started runs its first turns slowly, and a
     * death then should not count against the update that happened to run first).
     */
    Map<Long, List<Pending>> takeGroup(int limit, boolean suspects) {
        Map<Long, List<Pending>> group = new LinkedHashMap<>();
        int taken = 0;
        List<Long> served = new ArrayList<>();
        for (Iterator<Map.Entry<Long, Line>> it = chats.entrySet().iterator(); it.hasNext() && taken < limit; ) {
            Map.Entry<Long, Line> e = it.next();
            Line line = e.getValue();
            if (line.busy) {
                continue;
            }
            if (line.items.isEmpty()) {
                it.remove();
                continue;
            }
            Pending head = line.items.peekFirst();
            if (!head.prepared()) {
                continue;
            }
            if (head.entry().suspect()) {
                if (!group.isEmpty() || !suspects) {
                    continue;
                }
                line.items.pollFirst();
                line.busy = true;
                group.put(e.getKey(), new ArrayList<>(List.of(head)));
                served.add(e.getKey());
                break;
            }
            List<Pending> items = new ArrayList<>();
            while (!line.items.isEmpty() && taken < limit && line.items.peekFirst().prepared()
                    && !line.items.peekFirst().entry().suspect()) {
                items.add(line.items.pollFirst());
                taken++;
            }
            line.busy = true;
            group.put(e.getKey(), items);
            served.add(e.getKey());
        }
        for (Long id : served) {
            chats.put(id, chats.remove(id));
        }
        return group;
    }

    /** Puts updates back at the front of their chat, in their order; the chat stays busy. */
    void putBack(long chat, List<Pending> items) {
        Line line = line(chat);
        for (int i = items.size() - 1; i >= 0; i--) {
            line.items.addFirst(items.get(i));
        }
    }

    void release(long chat) {
        Line line = chats.get(chat);
        if (line != null) {
            line.busy = false;
        }
    }

    int waiting() {
        return chats.values().stream().mapToInt(l -> l.items.size()).sum();
    }

    private Line line(long chat) {
        return chats.computeIfAbsent(chat, k -> new Line());
    }
}
