package coach.kam.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * A named collection of records of one type: its name in the file, its record type, the schema
 * version records are written at, what it holds ({@link Kind}) and the steps that bring a record
 * written at an older version up to date. A value, declared where the capability keeps it; the
 * program's tables are listed together in a {@link Tables} catalogue, which export, import and the
 * key upgrade walk.
 */
public record Table<T>(String name, Class<T> type, int schemaVersion, Kind kind,
                       Map<Integer, UnaryOperator<ObjectNode>> steps) {

    /** What a table holds. */
    public enum Kind {
        /** A rep's data: every key is the rep's id or under it ({@link Keys#of}); exported with the rep's data. */
        OWNED,
        /** Queues, caches, schedules, delivery state: never exported, restored only with a whole backup. */
        OPERATIONAL
    }

    public Table {
        if (name == null || name.isBlank() || type == null || kind == null || schemaVersion < 1) {
            throw new IllegalArgumentException("a table needs a name, a type, a kind and a version from 1: " + name);
        }
        steps = Map.copyOf(steps);
    }

    /** A rep's own records at version 1. */
    public static <T> Table<T> owned(String name, Class<T> type) {
        return new Table<>(name, type, 1, Kind.OWNED, Map.of());
    }

    /** Machinery (queues, caches, schedules): never exported. */
    public static <T> Table<T> operational(String name, Class<T> type) {
        return new Table<>(name, type, 1, Kind.OPERATIONAL, Map.of());
    }

    /**
     * This table one version on: records written at {@code fromVersion} go through {@code step}
     * when read, and records are written at {@code fromVersion + 1} or later.
     */
    public Table<T> migrating(int fromVersion, UnaryOperator<ObjectNode> step) {
        Map<Integer, UnaryOperator<ObjectNode>> more = new TreeMap<>(steps);
        more.put(fromVersion, step);
        return new Table<>(name, type, Math.max(schemaVersion, fromVersion + 1), kind, more);
    }

    /** The same table read as another record type (a generic reader's view, a test's older shape). */
    public <U> Table<U> as(Class<U> other) {
        return new Table<>(name, other, schemaVersion, kind, steps);
    }

    /**
     * Brings a record written at {@code from} up to this version. A missing step is an error naming
     * the table and the versions: reading on with a wrong shape would lose data quietly.
     */
    public ObjectNode migrate(ObjectNode record, int from) {
        ObjectNode node = record;
        for (int v = from; v < schemaVersion; v++) {
            UnaryOperator<ObjectNode> step = steps.get(v);
            if (step == null) {
                throw new IllegalStateException("no migration of " + name + " from version " + v + " to " + (v + 1));
            }
            node = step.apply(node);
        }
        return node;
    }

    /**
     * Refuses a key a rep's table cannot keep: one that does not start with the rep's id or is not
     * written as {@link Keys} writes it (a wrong key would be a record no export, import or range
     * read finds).
     */
    public void checkKey(String key) {
        if (kind == Kind.OWNED && !Keys.inScheme(key)) {
            throw new IllegalArgumentException("key '" + key + "' of " + name + " is not in the key scheme (Keys.of)");
        }
    }

    public boolean exportable() {
        return kind == Kind.OWNED;
    }

    /** Whether a key of this table belongs to the rep {@code userId}. */
    public boolean ownedBy(String key, long userId) {
        return kind == Kind.OWNED && Keys.ownedBy(key, userId);
    }

    /** The rep a key of this table belongs to, if the table is a rep's and the key names one. */
    public Optional<Long> owner(String key) {
        return kind == Kind.OWNED ? Keys.owner(key) : Optional.empty();
    }

    @Override
    public String toString() {
        return "Table[" + name + " v" + schemaVersion + " " + kind + " " + type.getSimpleName() + "]";
    }
}
