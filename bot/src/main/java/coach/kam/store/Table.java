package coach.kam.store;

/**
 * A named collection of records of one type. Every table is known to {@link Tables}: declaring one
 * here registers its record type and version there, so export, import, backups and migrations
 * walk the registry instead of knowing each table.
 */
public record Table<T>(String name, Class<T> type, int schemaVersion) {

    public Table {
        Tables.declared(name, type, schemaVersion);
    }

    /** A table at version 1 whose kind (owned, operational) is listed in {@link Tables}. */
    public static <T> Table<T> of(String name, Class<T> type) {
        return new Table<>(name, type, Tables.versionOf(name));
    }

    /**
     * A rep's own records, declared where the capability keeps them: every key is the rep's id or
     * starts with the rep's id and "/"; exported with the rep's data.
     */
    public static <T> Table<T> owned(String name, Class<T> type, int schemaVersion) {
        Tables.catalog(new Tables.Spec(name, schemaVersion, Tables.Kind.OWNED, ""));
        return new Table<>(name, type, schemaVersion);
    }

    /** Machinery (queues, caches, schedules): never exported. */
    public static <T> Table<T> operational(String name, Class<T> type) {
        Tables.catalog(new Tables.Spec(name, 1, Tables.Kind.OPERATIONAL, null));
        return new Table<>(name, type, 1);
    }
}
