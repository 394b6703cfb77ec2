package coach.kam.flows;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * The validators a flow file may name. Each returns the message key of the problem, or empty when
 * the answer is fine. The names are fixed in the knowledge loader, which refuses unknown ones.
 */
final class Validators {
    private static final Map<String, BiFunction<Answer, LocalDate, Optional<String>>> ALL = Map.of(
            "percent", (a, today) -> between(a, 0, 100, "walk.bad.percent"),
            "year", (a, today) -> between(a, 1900, 2100, "walk.bad.year"),
            "not-blank", (a, today) -> a.value() == null || a.value().isBlank() ? Optional.of("walk.bad.empty") : Optional.empty(),
            "future-date", (a, today) -> Dates.lastDay(a.value()).isBefore(today) ? Optional.of("walk.bad.future") : Optional.empty(),
            "past-or-today", (a, today) -> Dates.firstDay(a.value()).isAfter(today) ? Optional.of("walk.bad.past") : Optional.empty());

    private Validators() {
    }

    static Optional<String> check(String name, Answer answer, LocalDate today) {
        if (name == null) {
            return Optional.empty();
        }
        var v = ALL.get(name);
        if (v == null) {
            throw new IllegalStateException("no validator " + name);
        }
        try {
            return v.apply(answer, today);
        } catch (RuntimeException e) {
            return Optional.of("walk.bad.invalid");
        }
    }

    static boolean exists(String name) {
        return ALL.containsKey(name);
    }

    private static Optional<String> between(Answer a, double min, double max, String key) {
        double v = new BigDecimal(a.value()).doubleValue();
        return v < min || v > max ? Optional.of(key) : Optional.empty();
    }
}
