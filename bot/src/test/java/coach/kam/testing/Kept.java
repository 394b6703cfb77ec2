package coach.kam.testing;

import coach.kam.Catalogue;
import coach.kam.store.Table;

/** The program's tables by name, for tests that look into the store as the program wrote it. */
public final class Kept {
    private Kept() {
    }

    public static Table<?> table(String name) {
        return Catalogue.tables().named(name).orElseThrow(() -> new AssertionError("no table named " + name));
    }

    /** A table read as its declared record type (a test naming another type is an error). */
    public static <T> Table<T> table(String name, Class<T> type) {
        Table<?> t = table(name);
        if (!t.type().equals(type)) {
            throw new AssertionError("table " + name + " keeps " + t.type() + ", not " + type);
        }
        return t.as(type);
    }
}
