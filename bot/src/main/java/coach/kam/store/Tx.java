package coach.kam.store;

import java.util.List;
import java.util.Optional;

/** One open transaction. Keys are plain strings; values are records stored as versioned JSON. */
public interface Tx {

    <T> Optional<T> get(Table<T> table, String key);

    <T> void put(Table<T> table, String key, T value);

    void delete(Table<?> table, String key);

    /** Values whose key starts with {@code prefix}, in key order. */
    <T> List<T> withPrefix(Table<T> table, String prefix);

    /** A fresh number from a named sequence; rolled back with the transaction. */
    long nextId(String sequence);

    /**
     * Records that the update with this id has been handled. Returns false when it had been
     * handled already, in which case the caller must change nothing.
     */
    boolean markUpdateHandled(long updateId);
}
