package coach.kam.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.Optional;

/**
 * A transaction of a {@link MapDbStore}, used under its lock: writes go straight to the file's
 * maps (MapDB rolls them back or commits them), each key noted for a live copy that runs.
 */
final class MapDbTx implements Tx, HandledUpdates.Holder {
    private final MapDbStore store;
    private final StoreFile file;
    final List<Runnable> afterCommit = new ArrayList<>();
    boolean closed;
    /** Whether anything was written: a transaction that only read commits nothing. */
    boolean dirty;
    private final HandledUpdates handledUpdates = HandledUpdates.of(new HandledUpdates.Window() {
        @Override
        public boolean contains(long updateId) {
            return file.handled.contains(updateId);
        }

        @Override
        public boolean mark(long updateId) {
            boolean marked = file.markHandled(updateId);
            dirty |= marked;
            return marked;
        }
    });

    MapDbTx(MapDbStore store) {
        this.store = store;
        this.file = store.file;
    }

    @Override
    public <T> Optional<T> get(Table<T> table, String key) {
        return store.codec.decodedOne(table, key, file.rawGet(table.name(), key));
    }

    @Override
    public <T> void put(Table<T> table, String key, T value) {
        dirty = true;
        file.map(table.name()).put(key, RecordCodec.encode(table, key, value));
        file.noted(table.name(), key);
    }

    @Override
    public void delete(Table<?> table, String key) {
        if (file.map(table.name()).remove(key) != null) {
            dirty = true;
            file.noted(table.name(), key);
        }
    }

    @Override
    public <T> List<T> withPrefix(Table<T> table, String prefix) {
        return store.codec.decodedValues(table, file.rawPrefix(table.name(), prefix));
    }

    @Override
    public String lowerKey(Table<?> table, String key) {
        return file.map(table.name()).lowerKey(key);
    }

    @Override
    public <T> NavigableMap<String, T> entries(Table<T> table, String prefix) {
        return store.codec.decodedEntries(table, file.rawPrefix(table.name(), prefix));
    }

    @Override
    public NavigableMap<String, ObjectNode> records(Table<?> table, String prefix) {
        return store.codec.decodedRecords(table, file.rawPrefix(table.name(), prefix));
    }

    @Override
    public NavigableMap<String, ObjectNode> recordsAfter(Table<?> table, String prefix, String after, int limit) {
        return store.codec.decodedRecords(table, RecordCodec.page(file.rawPrefix(table.name(), prefix), after, limit));
    }

    @Override
    public void putRecord(Table<?> table, String key, ObjectNode value) {
        dirty = true;
        file.map(table.name()).put(key, RecordCodec.encodeRecord(table, key, value));
        file.noted(table.name(), key);
    }

    @Override
    public long sequence(String sequence) {
        Long v = file.sequences.get(sequence);
        return v == null ? 0 : v;
    }

    @Override
    public void raiseSequence(String sequence, long atLeast) {
        if (sequence(sequence) < atLeast) {
            dirty = true;
            file.sequences.put(sequence, atLeast);
        }
    }

    @Override
    public long nextId(String sequence) {
        dirty = true;
        return file.sequences.merge(sequence, 1L, Long::sum);
    }

    @Override
    public HandledUpdates handledUpdates() {
        return handledUpdates;
    }

    @Override
    public void afterCommit(Runnable action) {
        if (closed) {
            throw new IllegalStateException("the transaction is over");
        }
        afterCommit.add(action);
    }

    @Override
    public Scope scope() {
        return new ScopeTx(store, this, null);
    }

    @Override
    public List<Store.BadRecord> damaged() {
        return store.damage.all();
    }
}
