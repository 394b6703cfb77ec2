package coach.kam.deals;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The pipeline in numbers: open deals per stage with their count, total and weighted total (the
 * amount times the stage's weight), the deals that stayed past their stage's usual days, and those
 * whose close date has passed.
 */
public record Forecast(Map<Stages.Stage, Row> byStage, BigDecimal total, BigDecimal weighted, List<Deal> stale,
                       List<Deal> overdue, int won, BigDecimal wonTotal, int lost) {

    /** One stage of the pipeline. */
    public record Row(int count, BigDecimal total, BigDecimal weighted) {
        Row plus(BigDecimal amount, int weight) {
            BigDecimal a = amount == null ? BigDecimal.ZERO : amount;
            return new Row(count + 1, total.add(a), weighted.add(a.multiply(BigDecimal.valueOf(weight))
                    .divide(BigDecimal.valueOf(100), 0, RoundingMode.HALF_UP)));
        }
    }

    /** 3000000 reads "300万" in Chinese, "3,000,000" in English. */
    public static String amount(BigDecimal a, String lang) {
        if ("zh".equals(lang) && a.compareTo(BigDecimal.valueOf(10_000)) >= 0) {
            return a.divide(BigDecimal.valueOf(10_000)).stripTrailingZeros().toPlainString() + "万";
        }
        return String.format(java.util.Locale.ROOT, "%,d", a.setScale(0, RoundingMode.HALF_UP).longValueExact());
    }

    /** Deals won and lost since {@code since}, with the amount won. */
    public record Moves(int won, BigDecimal wonTotal, int lost) {
    }

    public static Moves movesSince(List<Deal> deals, Instant since) {
        int won = 0;
        int lost = 0;
        BigDecimal total = BigDecimal.ZERO;
        for (Deal d : deals) {
            if (d.changed().isBefore(since)) {
                continue;
            }
            if (d.status() == Deal.Status.WON) {
                won++;
                total = total.add(d.amount() == null ? BigDecimal.ZERO : d.amount());
            } else if (d.status() == Deal.Status.LOST) {
                lost++;
            }
        }
        return new Moves(won, total, lost);
    }

    /** Open deals at a moment: how many and their total. */
    public record Open(int count, BigDecimal total) {
    }

    /**
     * The deals that were open at {@code at}: created by then and either open now or closed after
     * it (a deal's last change is its closing). Amounts are today's.
     */
    public static Open openAt(List<Deal> deals, Instant at) {
        int count = 0;
        BigDecimal total = BigDecimal.ZERO;
        for (Deal d : deals) {
            if (!d.created().isAfter(at) && (d.open() || d.changed().isAfter(at))) {
                count++;
                total = total.add(d.amount() == null ? BigDecimal.ZERO : d.amount());
            }
        }
        return new Open(count, total);
    }

    public static Forecast of(List<Deal> deals, Stages stages, Instant now, LocalDate today) {
        Map<Stages.Stage, Row> rows = new LinkedHashMap<>();
        for (Stages.Stage s : stages.all()) {
            rows.put(s, new Row(0, BigDecimal.ZERO, BigDecimal.ZERO));
        }
        BigDecimal total = BigDecimal.ZERO;
        BigDecimal weighted = BigDecimal.ZERO;
        BigDecimal wonTotal = BigDecimal.ZERO;
        List<Deal> stale = new ArrayList<>();
        List<Deal> overdue = new ArrayList<>();
        int won = 0;
        int lost = 0;
        for (Deal d : deals) {
            if (d.status() == Deal.Status.WON) {
                won++;
                wonTotal = wonTotal.add(d.amount() == null ? BigDecimal.ZERO : d.amount());
                continue;
            }
            if (d.status() == Deal.Status.LOST) {
                lost++;
                continue;
            }
            Stages.Stage s = stages.get(d.stage()).orElse(stages.first());
            Row before = rows.get(s);
            Row after = before.plus(d.amount(), s.weight());
            rows.put(s, after);
            total = total.add(after.total().subtract(before.total()));
            weighted = weighted.add(after.weighted().subtract(before.weighted()));
            if (Duration.between(d.changed(), now).toDays() > s.days()) {
                stale.add(d);
            }
            if (d.close() != null && d.close().isBefore(today)) {
                overdue.add(d);
            }
        }
        return new Forecast(rows, total, weighted, stale, overdue, won, wonTotal, lost);
    }
}
