package coach.kam.deals;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which objections cost deals: lost deals whose reason read as a known objection, counted per
 * objection with the amount lost, most deals first. Lost deals whose reason matched no objection
 * are counted apart, so the total always adds up.
 */
public record ObjectionLosses(List<Row> rows, int unmatched, BigDecimal unmatchedAmount) {

    /** One objection: how many deals it cost and their amount; {@code reps} counts distinct owners. */
    public record Row(String objectionId, int deals, BigDecimal amount, int reps) {
    }

    public boolean isEmpty() {
        return rows.isEmpty() && unmatched == 0;
    }

    /** Over the deals lost at or after {@code since} (every loss when {@code since} is null). */
    public static ObjectionLosses of(Collection<Deal> deals, Instant since) {
        Map<String, List<Deal>> by = new LinkedHashMap<>();
        int unmatched = 0;
        BigDecimal unmatchedAmount = BigDecimal.ZERO;
        for (Deal d : deals) {
            if (d.status() != Deal.Status.LOST || since != null && d.changed().isBefore(since)) {
                continue;
            }
            if (d.objectionId() == null) {
                unmatched++;
                unmatchedAmount = unmatchedAmount.add(amount(d));
            } else {
                by.computeIfAbsent(d.objectionId(), k -> new ArrayList<>()).add(d);
            }
        }
        List<Row> rows = new ArrayList<>();
        by.forEach((id, list) -> rows.add(new Row(id, list.size(),
                list.stream().map(ObjectionLosses::amount).reduce(BigDecimal.ZERO, BigDecimal::add),
                (int) list.stream().mapToLong(Deal::ownerId).distinct().count())));
        rows.sort(Comparator.comparingInt(Row::deals).reversed().thenComparing(Row::amount, Comparator.reverseOrder())
                .thenComparing(Row::objectionId));
        return new ObjectionLosses(List.copyOf(rows), unmatched, unmatchedAmount);
    }

    private static BigDecimal amount(Deal d) {
        return d.amount() == null ? BigDecimal.ZERO : d.amount();
    }
}
