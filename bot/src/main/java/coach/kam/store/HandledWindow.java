package coach.kam.store;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.mapdb.BTreeMap;
import org.mapdb.DB;
import org.mapdb.Serializer;

/**
 * The handled update ids as the store file keeps them: a window of a day and at most
 * {@value #KEPT} ids, in two maps (id to when it was handled, and insertion number to id, oldest
 * first, so the window trims without a scan), with its size counted in memory. Used under the
 * store's lock only; {@link HandledUpdates} is how a transaction reaches it.
 */
final class HandledWindow {
    /**
     * Handled update ids are kept for a day and at most this many: Telegram redelivers only what was
     * not confirmed (minutes at most), and after a week without updates it starts ids at random, so
     * an id kept for ever could drop a new update.
     */
    static final int KEPT = 100_000;
    static final Duration FOR = Duration.ofHours(24);
    /** The maps' names in the file (a live copy copies both). */
    static final String IDS = "handled-updates";
    static final String ORDER = "handled-order";

    private final Clock clock;
    /** update id -> when it was handled (epoch millis). */
    private BTreeMap<Long, Long> ids;
    /** insertion number -> update id: the handled ids oldest first. */
    private BTreeMap<Long, Long> order;
    /** Size of the window, kept here because a MapDB map counts its entries by walking every leaf. */
    private long count;
    private long next;

    HandledWindow(Clock clock) {
        this.clock = clock;
    }

    /**
     * Opens the window in a freshly connected file (the caller commits): a store written before the
     * window had an order gets it rebuilt once, oldest first. The count is taken here, once per open.
     */
    void open(DB db) {
        ids = db.treeMap(IDS, Serializer.LONG, Serializer.LONG).createOrOpen();
        order = db.treeMap(ORDER, Serializer.LONG, Serializer.LONG).createOrOpen();
        if (order.isEmpty() && !ids.isEmpty()) {
            List<Map.Entry<Long, Long>> byTime = new ArrayList<>(ids.entrySet());
            byTime.sort(Map.Entry.comparingByValue());
            long n = 0;
            for (Map.Entry<Long, Long> e : byTime) {
                order.put(n++, e.getKey());
            }
        }
        count = order.size();
        next = order.isEmpty() ? 0 : order.lastKey() + 1;
    }

    /** One of the window's maps by its name in the file, for a live copy. */
    BTreeMap<Long, Long> live(String name) {
        return IDS.equals(name) ? ids : order;
    }

    long count() {
        return count;
    }

    boolean contains(long updateId) {
        return ids.containsKey(updateId);
    }

    /**
     * Marks an update handled now; false when it was in the window already. Every key written is
     * noted for a live copy that runs ({@code noting}, null when none does).
     */
    boolean mark(long updateId, LiveCopy.Changes noting) {
        long now = clock.millis();
        if (ids.putIfAbsent(updateId, now) != null) {
            return false;
        }
        note(noting, IDS, updateId);
        note(noting, ORDER, next);
        order.put(next++, updateId);
        count++;
        long oldest = now - FOR.toMillis();
        // at most a few removals per call: the window moves as fast as it fills
        for (int i = 0; i < 4 && count > 0; i++) {
            Map.Entry<Long, Long> first = order.firstEntry();
            Long at = ids.get(first.getValue());
            boolean expired = at == null || at < oldest;
            if (!expired && count <= KEPT) {
                break;
            }
            order.remove(first.getKey());
            note(noting, ORDER, first.getKey());
            if (at != null && first.getValue() != updateId) {
                ids.remove(first.getValue());
                note(noting, IDS, first.getValue());
            }
            count--;
        }
        return true;
    }

    private static void note(LiveCopy.Changes noting, String collection, long key) {
        if (noting != null) {
            noting.add(collection, key);
        }
    }
}
