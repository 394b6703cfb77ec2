package coach.kam.store;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.mapdb.BTreeMap;
import org.mapdb.DB;
import org.mapdb.DBMaker;
import org.mapdb.Serializer;

/**
 * A consistent copy of a store that goes on serving while it is written. The copy is made in
 * chunks, each read under the store's lock for at most {@link #CHUNK_NANOS} or {@link #CHUNK_ENTRIES}
 * entries and written to the copy with the lock released. Meanwhile every key a transaction
 * writes is noted ({@link Changes}). Once every table was read, the noted keys are read again, in
 * chunks, and the keys noted meanwhile again, until few are left; those are read in one last step
 * under the lock, which also ends the noting. The copy then equals the store at that step:
 *
 * <ul>
 *   <li>a key that no transaction touched after its chunk was read holds the value read then, which
 *       is its value at the last step;</li>
 *   <li>a key written or deleted after its chunk was read was noted, so a later pass or the last step
 *       read it again (a deleted one is removed from the copy).</li>
 * </ul>
 * Chunks are read between transactions, so the copy holds whole transactions only. The last step
 * holds the lock for at most {@link #LAST_STEP_KEYS} keys, or whatever the writers added while
 * {@link #PASSES} passes ran, when they write faster than the copy reads.
 */
final class LiveCopy {
    static final int CHUNK_ENTRIES = 2_000;
    static final long CHUNK_NANOS = 5_000_000L;
    static final int LAST_STEP_KEYS = 1_000;
    static final int PASSES = 6;

    /** What the copy needs from the store, every method called with the store's lock held. */
    interface Source {
        /** Throws when the store cannot be read now (an outage, a closed store). */
        void readable();

        /** The names of the collections a copy holds. */
        List<String> names();

        /** The live collection of that name. */
        BTreeMap<Object, Object> live(String name);

        /** Starts noting written keys into {@code changes}, or stops noting with null. */
        void note(Changes changes);
    }

    /** Keys written since the noting began, per collection. */
    static final class Changes {
        private final Map<String, Set<Object>> keys = new HashMap<>();
        private int size;

        void add(String collection, Object key) {
            if (keys.computeIfAbsent(collection, c -> new HashSet<>()).add(key)) {
                size++;
            }
        }

        int size() {
            return size;
        }
    }

    /** What the last step can do besides finishing the copy (with the lock still held). */
    interface LastStep {
        void run(DB copy);
    }

    private final ReentrantLock lock;
    private final Source source;
    /** Records (table entries) in the copy so far. */
    private long records;
    /** The longest single hold of the store's lock by this copy so far, and how many holds. */
    private long longestHoldNanos;
    private long holds;

    LiveCopy(ReentrantLock lock, Source source) {
        this.lock = lock;
        this.source = source;
    }

    /** Whether the named collection is part of a copy (the tables, sequences and the handled window). */
    static boolean copied(String name) {
        return name.startsWith("t-") || name.equals("sequences") || name.equals("handled-updates")
                || name.equals("handled-order");
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static BTreeMap<Object, Object> target(DB copy, String name) {
        if (name.startsWith("t-")) {
            return (BTreeMap) copy.treeMap(name, Serializer.STRING, Serializer.STRING).valuesOutsideNodesEnable()
                    .createOrOpen();
        }
        if (name.equals("sequences")) {
            return (BTreeMap) copy.treeMap(name, Serializer.STRING, Serializer.LONG).createOrOpen();
        }
        return (BTreeMap) copy.treeMap(name, Serializer.LONG, Serializer.LONG).createOrOpen();
    }

    /**
     * Writes the copy into {@code part} (a new MapDB file); {@code last} runs at the last step, with
     * the copy complete and the lock held. The caller closes nothing: the copy is closed here.
     */
    void write(Path part, LastStep last) {
        DB copy = DBMaker.fileDB(part.toFile()).fileChannelEnable().make();
        Changes changes = new Changes();
        boolean noting = false;
        try {
            List<String> names = locked(() -> {
                source.readable();
                source.note(changes);
                return new ArrayList<>(source.names());
            });
            noting = true;
            for (String name : names) {
                copyWhole(copy, name);
            }
            Changes pending = changes;
            for (int pass = 1; ; pass++) {
                Changes reread = pending;
                boolean lastStep = pass >= PASSES || reread.size() <= LAST_STEP_KEYS;
                if (lastStep) {
                    lock.lock();
                    long held = System.nanoTime();
                    try {
                        source.readable();
                        applyLocked(copy, reread);
                        source.note(null);
                        noting = false;
                        last.run(copy);
                    } finally {
                        held(held);
                        lock.unlock();
                    }
                    return;
                }
                Changes next = new Changes();
                locked(() -> {
                    source.readable();
                    source.note(next);
                    return null;
                });
                pending = next;
                reread.keys.forEach((name, keys) -> applyInChunks(copy, name, new ArrayList<>(keys)));
            }
        } finally {
            if (noting) {
                locked(() -> {
                    source.note(null);
                    return null;
                });
            }
            if (!copy.isClosed()) {
                copy.close();
            }
        }
    }

    private void copyWhole(DB copy, String name) {
        BTreeMap<Object, Object> to = target(copy, name);
        Object after = null;
        boolean first = true;
        while (true) {
            Object from = after;
            boolean start = first;
            List<Map.Entry<Object, Object>> chunk = locked(() -> {
                source.readable();
                BTreeMap<Object, Object> live = source.live(name);
                Map<Object, Object> rest = start ? live : live.tailMap(from, false);
                List<Map.Entry<Object, Object>> read = new ArrayList<>();
                long until = System.nanoTime() + CHUNK_NANOS;
                for (Map.Entry<Object, Object> e : rest.entrySet()) {
                    read.add(Map.entry(e.getKey(), e.getValue()));
                    if (read.size() >= CHUNK_ENTRIES || System.nanoTime() > until) {
                        break;
                    }
                }
                return read;
            });
            if (chunk.isEmpty()) {
                return;
            }
            for (Map.Entry<Object, Object> e : chunk) {
                put(name, to, e.getKey(), e.getValue());
            }
            after = chunk.get(chunk.size() - 1).getKey();
            first = false;
        }
    }

    private void applyInChunks(DB copy, String name, List<Object> keys) {
        BTreeMap<Object, Object> to = target(copy, name);
        for (int i = 0; i < keys.size(); i += CHUNK_ENTRIES) {
            List<Object> some = keys.subList(i, Math.min(keys.size(), i + CHUNK_ENTRIES));
            Map<Object, Object> now = locked(() -> {
                source.readable();
                BTreeMap<Object, Object> live = source.live(name);
                Map<Object, Object> read = new HashMap<>();
                for (Object k : some) {
                    read.put(k, live.get(k));
                }
                return read;
            });
            now.forEach((k, v) -> put(name, to, k, v));
        }
    }

    /** The last step: the noted keys as the store holds them now, and the small sequences table whole. */
    private void applyLocked(DB copy, Changes changes) {
        changes.keys.forEach((name, keys) -> {
            BTreeMap<Object, Object> live = source.live(name);
            BTreeMap<Object, Object> to = target(copy, name);
            for (Object k : keys) {
                put(name, to, k, live.get(k));
            }
        });
        if (source.names().contains("sequences")) {
            target(copy, "sequences").putAll(source.live("sequences"));
        }
    }

    private void put(String name, BTreeMap<Object, Object> to, Object key, Object value) {
        Object before = value == null ? to.remove(key) : to.put(key, value);
        if (name.startsWith("t-") && (before == null) != (value == null)) {
            records += value == null ? -1 : 1;
        }
    }

    /** The records (table entries) the copy holds, counted while it was written. */
    long records() {
        return records;
    }

    private <T> T locked(Supplier<T> work) {
        lock.lock();
        long held = System.nanoTime();
        try {
            return work.get();
        } finally {
            held(held);
            lock.unlock();
        }
    }

    private void held(long since) {
        holds++;
        longestHoldNanos = Math.max(longestHoldNanos, System.nanoTime() - since);
    }

    /** How the copy held the store's lock: the number of holds and the longest, in milliseconds. */
    record Holds(long count, double longestMillis) {
    }

    Holds holds() {
        return new Holds(holds, longestHoldNanos / 1e6);
    }
}
