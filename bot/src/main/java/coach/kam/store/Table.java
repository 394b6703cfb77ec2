package coach.kam.store;

/** A named collection of records of one type. */
public record Table<T>(String name, Class<T> type, int schemaVersion) {

    public static <T> Table<T> of(String name, Class<T> type) {
        return new Table<>(name, type, 1);
    }
}
