package coach.kam.store;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A catalogue of tables: every table of a program, by name, made once where the program is put
 * together and handed to what walks all tables (export, import, the key upgrade). A value: making
 * one registers nothing anywhere, and two tables of one name are refused.
 */
public final class Tables {
    private final Map<String, Table<?>> byName;

    public Tables(Collection<? extends Table<?>> tables) {
        Map<String, Table<?>> named = new TreeMap<>();
        for (Table<?> t : tables) {
            Table<?> before = named.putIfAbsent(t.name(), t);
            if (before != null) {
                throw new IllegalArgumentException("table " + t.name() + " listed twice: " + before + ", " + t);
            }
        }
        this.byName = java.util.Collections.unmodifiableMap(named);
    }

    /** Every table, by name. */
    public List<Table<?>> all() {
        return List.copyOf(byName.values());
    }

    /** The tables a rep's export carries, by name. */
    public List<Table<?>> exportable() {
        return byName.values().stream().filter(Table::exportable).toList();
    }

    public Optional<Table<?>> named(String name) {
        return Optional.ofNullable(byName.get(name));
    }
}
