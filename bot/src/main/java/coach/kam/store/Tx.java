package coach.kam.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.NavigableMap;
import java.util.Optional;

/** One open transaction. Keys are plain strings; values are records stored as versioned JSON. */
public interface Tx {

    <T> Optional<T> get(Table<T> table, String key);

    <T> void put(Table<T> table, String key, T value);

    void delete(Table<?> table, String key);

    /** Values whose key starts with {@code prefix}, in key order. */
    <T> List<T> withPrefix(Table<T> table, String prefix);

    /** As {@link #withPrefix}, with each value's key. */
    <T> NavigableMap<String, T> entries(Table<T> table, String prefix);

    /** The greatest key of the table below {@code key}, or null when there is none. */
    String lowerKey(Table<?> table, String key);

    /**
     * Up to {@code limit} values whose key starts with {@code prefix}, from the last key backwards,
     * after skipping {@code skip} keys: reads only the keys it passes, never the whole range.
     */
    default <T> List<T> lastWithPrefix(Table<T> table, String prefix, int skip, int limit) {
        List<T> out = new java.util.ArrayList<>();
        int passed = 0;
        for (String k = lowerKey(table, prefix + Character.MAX_VALUE); k != null && k.startsWith(prefix)
                && out.size() < limit; k = lowerKey(table, k)) {
            if (passed++ >= skip) {
                get(table, k).ifPresent(out::add);
            }
        }
        return out;
    }

    /**
     * The records of a table as JSON brought up to the table's current version (its
     * {@code _v} field removed), for code that walks {@link Tables} without knowing record types.
     */
    NavigableMap<String, ObjectNode> records(Table<?> table, String prefix);

    /**
     * A page of {@link #records}: up to {@code limit} records whose key starts with {@code prefix}
     * and sorts after {@code after} (from the first when null), in key order. An export walks a
     * table of any size in such pages, holding one page at a time.
     */
    default NavigableMap<String, ObjectNode> recordsAfter(Table<?> table, String prefix, String after, int limit) {
        return RecordCodec.page(records(table, prefix), after, limit);
    }

    /** Writes a record as JSON at the table's current version (see {@link #records}). */
    void putRecord(Table<?> table, String key, ObjectNode record);

    /** The last number a named sequence gave (0 when it never gave one). */
    long sequence(String sequence);

    /** Moves a sequence forward to at least {@code atLeast} (never back), so imported ids are not given again. */
    void raiseSequence(String sequence, long atLeast);

    /** A fresh number from a named sequence; rolled back with the transaction. */
    long nextId(String sequence);

    /**
     * Records found damaged (failed checksum, unreadable) by reads of this store so far; every read
     * skips them. An export names those of its reps in its manifest.
     */
    default List<Store.BadRecord> damaged() {
        return List.of();
    }

    /** Runs {@code action} once this transaction has committed; dropped when it rolls back. */
    void afterCommit(Runnable action);

    /**
     * A nested scope: it reads through to this transaction and sees its own writes, but changes this
     * transaction only when {@link Scope#keep()} is called. Dropping it undoes everything done in it,
     * without rolling back the rest of the transaction.
     */
    Scope scope();

    /** Writes kept aside until {@link #keep()}. */
    interface Scope extends Tx {
        /** Applies this scope's writes (and after-commit actions) to the enclosing transaction. */
        void keep();
    }
}
