package coach.kam.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/** {@code kam-coach check}'s walk: every record of every table read, its checksum and its JSON checked. */
final class StoreCheck {
    private StoreCheck() {
    }

    /** Walks the tables among {@code names} (collections named {@code t-<table>}), each map from {@code map}. */
    static CheckReport walk(Collection<String> names, Function<String, ? extends Map<String, String>> map) {
        Map<String, Long> counts = new TreeMap<>();
        Map<String, Long> unsealed = new TreeMap<>();
        List<Store.BadRecord> bad = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (String name : names) {
            if (!name.startsWith("t-")) {
                continue;
            }
            String table = name.substring(2);
            long ok = 0;
            long old = 0;
            String last = null;
            try {
                for (Map.Entry<String, String> e : map.apply(table).entrySet()) {
                    last = e.getKey();
                    try {
                        Json.MAPPER.readTree(Envelope.open(e.getKey(), e.getValue()));
                        ok++;
                        old += Envelope.sealed(e.getValue()) ? 0 : 1;
                    } catch (Envelope.Damaged d) {
                        bad.add(new Store.BadRecord(table, e.getKey(), d.getMessage()));
                    } catch (JsonProcessingException d) {
                        bad.add(new Store.BadRecord(table, e.getKey(), "unreadable JSON"));
                    }
                }
            } catch (RuntimeException | AssertionError broken) {
                problems.add("table " + table + " cannot be read past " + (last == null ? "its start" : "key " + last)
                        + ": " + Faults.describe(broken));
            }
            counts.put(table, ok);
            if (old > 0) {
                unsealed.put(table, old);
            }
        }
        return new CheckReport(counts, unsealed, bad, problems);
    }
}
