package coach.kam.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.mapdb.BTreeMap;

/** A nested scope: writes kept as encoded JSON until {@link #keep()} applies them to the parent. */
final class ScopeTx implements Tx.Scope, HandledUpdates.Holder {
    private final MapDbStore store;
    private final MapDbTx parent;
    /** The scope this one is nested in, or null when it is directly in the transaction. */
    private final ScopeTx outer;
    /** table -> key -> JSON, or null for a delete. */
    private final Map<String, TreeMap<String, String>> writes = new HashMap<>();
    private final Map<String, Long> sequenceValues = new HashMap<>();
    private final HandledUpdates handled;
    private final List<Runnable> afterCommit = new ArrayList<>();
    private boolean kept;

    ScopeTx(MapDbStore store, MapDbTx parent, ScopeTx outer) {
        this.store = store;
        this.parent = parent;
        this.outer = outer;
        this.handled = HandledUpdates.scopeIn(outer != null ? outer.handled : parent.handledUpdates());
    }

    /** A record's JSON as this scope sees it, null when there is none. */
    private String json(String table, String key) {
        TreeMap<String, String> w = writes.get(table);
        if (w != null && w.containsKey(key)) {
            return w.get(key);
        }
        return outer != null ? outer.json(table, key) : store.file.rawGet(table, key);
    }

    private TreeMap<String, String> writesOf(String table) {
        return writes.computeIfAbsent(table, t -> new TreeMap<>());
    }

    @Override
    public <T> Optional<T> get(Table<T> table, String key) {
        return store.codec.decodedOne(table, key, json(table.name(), key));
    }

    @Override
    public <T> void put(Table<T> table, String key, T value) {
        writesOf(table.name()).put(key, RecordCodec.encode(table, key, value));
    }

    @Override
    public void delete(Table<?> table, String key) {
        writesOf(table.name()).put(key, null);
    }

    @Override
    public String lowerKey(Table<?> table, String key) {
        return lower(table.name(), key);
    }

    /** The greatest key below {@code key} as this scope sees it: the enclosing one's, less what was deleted here. */
    private String lower(String table, String key) {
        TreeMap<String, String> w = writes.get(table);
        String below = outer != null ? outer.lower(table, key) : store.file.map(table).lowerKey(key);
        while (below != null && w != null && w.containsKey(below) && w.get(below) == null) {
            below = outer != null ? outer.lower(table, below) : store.file.map(table).lowerKey(below);
        }
        if (w != null) {
            for (Map.Entry<String, String> e : w.headMap(key, false).descendingMap().entrySet()) {
                if (below != null && e.getKey().compareTo(below) <= 0) {
                    break;
                }
                if (e.getValue() != null) {
                    return e.getKey();
                }
            }
        }
        return below;
    }

    /**
     * The range as this scope sees it: the enclosing range itself (read lazily, never copied)
     * unless this scope wrote into it, then a copy with this scope's writes.
     */
    private java.util.NavigableMap<String, String> merged(String table, String prefix) {
        java.util.NavigableMap<String, String> below = outer != null ? outer.merged(table, prefix)
                : store.file.rawPrefix(table, prefix);
        TreeMap<String, String> w = writes.get(table);
        if (w == null) {
            return below;
        }
        java.util.NavigableMap<String, String> mine = w.subMap(prefix, true, prefix + Character.MAX_VALUE, false);
        if (mine.isEmpty()) {
            return below;
        }
        TreeMap<String, String> merged = new TreeMap<>(below);
        mine.forEach((k, v) -> {
            if (v == null) {
                merged.remove(k);
            } else {
                merged.put(k, v);
            }
        });
        return merged;
    }

    @Override
    public <T> List<T> withPrefix(Table<T> table, String prefix) {
        return store.codec.decodedValues(table, merged(table.name(), prefix));
    }

    @Override
    public <T> java.util.NavigableMap<String, T> entries(Table<T> table, String prefix) {
        return store.codec.decodedEntries(table, merged(table.name(), prefix));
    }

    @Override
    public java.util.NavigableMap<String, ObjectNode> records(Table<?> table, String prefix) {
        return store.codec.decodedRecords(table, merged(table.name(), prefix));
    }

    @Override
    public java.util.NavigableMap<String, ObjectNode> recordsAfter(Table<?> table, String prefix, String after, int limit) {
        return store.codec.decodedRecords(table, RecordCodec.page(merged(table.name(), prefix), after, limit));
    }

    @Override
    public void putRecord(Table<?> table, String key, ObjectNode value) {
        writesOf(table.name()).put(key, RecordCodec.encodeRecord(table, key, value));
    }

    @Override
    public long sequence(String sequence) {
        Long here = sequenceValues.get(sequence);
        if (here != null) {
            return here;
        }
        if (outer != null) {
            return outer.sequence(sequence);
        }
        Long stored = store.file.sequences.get(sequence);
        return stored == null ? 0 : stored;
    }

    @Override
    public void raiseSequence(String sequence, long atLeast) {
        if (sequence(sequence) < atLeast) {
            sequenceValues.put(sequence, atLeast);
        }
    }

    @Override
    public long nextId(String sequence) {
        long next = sequenceValues.computeIfAbsent(sequence, this::sequence) + 1;
        sequenceValues.put(sequence, next);
        return next;
    }

    @Override
    public HandledUpdates handledUpdates() {
        return handled;
    }

    @Override
    public void afterCommit(Runnable action) {
        afterCommit.add(action);
    }

    @Override
    public Scope scope() {
        return new ScopeTx(store, parent, this);
    }

    @Override
    public List<Store.BadRecord> damaged() {
        return store.damage.all();
    }

    @Override
    public void keep() {
        if (kept || parent.closed) {
            throw new IllegalStateException("this scope was kept already or its transaction is over");
        }
        kept = true;
        if (outer != null) {
            writes.forEach((table, w) -> outer.writesOf(table).putAll(w));
            outer.sequenceValues.putAll(sequenceValues);
            handled.keep();
            outer.afterCommit.addAll(afterCommit);
            return;
        }
        parent.dirty |= !writes.isEmpty() || !sequenceValues.isEmpty();
        writes.forEach((table, w) -> {
            BTreeMap<String, String> m = store.file.map(table);
            w.forEach((k, v) -> {
                if (v == null) {
                    m.remove(k);
                } else {
                    m.put(k, v);
                }
                store.file.noted(table, k);
            });
        });
        store.file.sequences.putAll(sequenceValues);
        handled.keep();
        parent.afterCommit.addAll(afterCommit);
    }
}
