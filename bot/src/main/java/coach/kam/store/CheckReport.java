package coach.kam.store;

import java.util.List;
import java.util.Map;

/**
 * What a walk of the whole store found: per table, the records that read back as written, and the
 * damaged ones with their keys; {@code problems} are tables that could not be walked to their end
 * (a damaged tree). {@code unsealed} counts records from before checksums (read as they are).
 */
public record CheckReport(Map<String, Long> counts, Map<String, Long> unsealed, List<Store.BadRecord> bad,
                          List<String> problems) {

    public boolean clean() {
        return bad.isEmpty() && problems.isEmpty();
    }

    public long records() {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    /** The report as lines for a terminal: one per table, then one per damaged record or table. */
    public List<String> lines() {
        List<String> out = new java.util.ArrayList<>();
        counts.forEach((table, n) -> out.add(String.format("%-24s %8d%s", table, n,
                unsealed.getOrDefault(table, 0L) > 0 ? "  (" + unsealed.get(table) + " without a checksum, from an"
                        + " earlier version)" : "")));
        for (Store.BadRecord b : bad) {
            out.add("DAMAGED  table " + b.table() + ", key " + b.key() + ": " + b.reason());
        }
        for (String p : problems) {
            out.add("DAMAGED  " + p);
        }
        out.add(clean() ? "ok: " + records() + " records, none damaged"
                : (bad.size() + problems.size()) + " damaged; " + records() + " records read");
        return out;
    }
}
