package coach.kam.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * The one registry of tables: name, record type, schema version, whether a rep's export carries
 * it, and how its keys name their owner. Tables declared with {@link Table#of} are listed here by
 * name (their capabilities keep their declarations); new ones can declare their kind where they
 * are made with {@link Table#owned} or {@link Table#operational}.
 *
 * <p>A record carries the version it was written at ({@code _v}); reading an older one runs the
 * registered migrations, one version step at a time, before it becomes a Java record.
 */
public final class Tables {

    /** What a table holds. */
    public enum Kind {
        /** A rep's data: keys are the rep's id, or start with {@code ownerPrefix + id + "/"}; exported. */
        OWNED,
        /** Queues, caches, schedules, delivery state: never exported, restored only with a whole backup. */
        OPERATIONAL
    }

    /** One table as the registry knows it; {@code ownerPrefix} is null for tables that belong to no rep. */
    public record Spec(String name, int version, Kind kind, String ownerPrefix) {
        public boolean exportable() {
            return kind == Kind.OWNED;
        }

        /** Whether a key of this table belongs to the rep {@code userId}. */
        public boolean ownedBy(String key, long userId) {
            if (ownerPrefix == null) {
                return false;
            }
            String id = ownerPrefix + userId;
            return key.equals(id) || key.startsWith(id + "/");
        }

        /** The rep a key belongs to, if the key names one. */
        public Optional<Long> owner(String key) {
            if (ownerPrefix == null || !key.startsWith(ownerPrefix)) {
                return Optional.empty();
            }
            String rest = key.substring(ownerPrefix.length());
            int slash = rest.indexOf('/');
            String id = slash < 0 ? rest : rest.substring(0, slash);
            try {
                return Optional.of(Long.parseLong(id));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }

        /** The smallest key range holding all of a rep's keys (filter with {@link #ownedBy}). */
        public String prefixOf(long userId) {
            return ownerPrefix + userId;
        }
    }

    /** One step of a table's schema: turns a record written at {@code fromVersion} into {@code fromVersion + 1}. */
    public record Migration(String table, int fromVersion, UnaryOperator<ObjectNode> step) {
    }

    private static final Map<String, Spec> SPECS = new ConcurrentHashMap<>();
    private static final Map<String, Class<?>> TYPES = new ConcurrentHashMap<>();
    private static final Map<String, Integer> VERSIONS = new ConcurrentHashMap<>();
    private static final Map<String, Map<Integer, Migration>> MIGRATIONS = new ConcurrentHashMap<>();

    static {
        // A rep's data. Keys: "<rep id>" or "<rep id>/...".
        for (String name : List.of(
                "accounts", "notes", "checklist-progress", "plans", "account-fields", "evaluations", "account-classes",
                "dialogs", "sessions", "reminders", "checkin-prefs", "checkins", "snoozes", "nudges", "teams",
                "members", "ask-last", "ask-memory", "objection-last", "pending-notes", "objection-card-last")) {
            catalog(new Spec(name, 1, Kind.OWNED, ""));
        }
        // keys "rep/<rep id>/..." are a rep's own votes; "team/..." (totals, no longer used) belong to no one and stay behind
        catalog(new Spec("script-feedback", 1, Kind.OWNED, "rep/"));
        // Machinery: delivery, schedules, caches, codes.
        for (String name : List.of(
                "send-queue", "send-documents", "inactive-chats", "inbox", "schedule", "schedule-state", "embeddings",
                "team-codes", "imports")) {
            catalog(new Spec(name, 1, Kind.OPERATIONAL, null));
        }
    }

    private Tables() {
    }

    /** Lists a table (once; a second listing must agree). */
    public static void catalog(Spec spec) {
        Spec before = SPECS.putIfAbsent(spec.name(), spec);
        if (before != null && !before.equals(spec)) {
            throw new IllegalStateException("table " + spec.name() + " listed twice, differently: " + before + ", " + spec);
        }
    }

    /** A table's current version: the highest listed or declared. */
    public static int versionOf(String name) {
        Spec spec = SPECS.get(name);
        return Math.max(spec == null ? 1 : spec.version(), VERSIONS.getOrDefault(name, 1));
    }

    static void declared(String name, Class<?> type, int version) {
        TYPES.put(name, type);
        VERSIONS.merge(name, version, Math::max);
        Spec spec = SPECS.get(name);
        if (spec != null && spec.version() < version) {
            SPECS.put(name, new Spec(name, version, spec.kind(), spec.ownerPrefix()));
        }
    }

    /** Every listed table, by name. */
    public static Collection<Spec> all() {
        return new TreeMap<>(SPECS).values();
    }

    /** The tables a rep's export carries, by name. */
    public static List<Spec> exportable() {
        return all().stream().filter(Spec::exportable).toList();
    }

    public static Optional<Spec> spec(String name) {
        return Optional.ofNullable(SPECS.get(name));
    }

    /** The record type declared for a table, once the capability that keeps it was loaded. */
    public static Optional<Class<?>> type(String name) {
        return Optional.ofNullable(TYPES.get(name));
    }

    /** Registers one migration step of a table. */
    public static void migration(String table, int fromVersion, UnaryOperator<ObjectNode> step) {
        MIGRATIONS.computeIfAbsent(table, t -> new ConcurrentHashMap<>())
                .put(fromVersion, new Migration(table, fromVersion, step));
    }

    /**
     * Brings a record written at {@code from} up to {@code to}. A missing step is an error naming
     * the table and the versions: reading on with a wrong shape would lose data quietly.
     */
    public static ObjectNode migrate(String table, ObjectNode record, int from, int to) {
        ObjectNode node = record;
        for (int v = from; v < to; v++) {
            Migration m = MIGRATIONS.getOrDefault(table, Map.of()).get(v);
            if (m == null) {
                throw new IllegalStateException("no migration of " + table + " from version " + v + " to " + (v + 1));
            }
            node = m.step().apply(node);
        }
        return node;
    }

    /** The names of tables with migrations, for diagnostics. */
    static List<String> migrated() {
        return new ArrayList<>(MIGRATIONS.keySet());
    }
}
