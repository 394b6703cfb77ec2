package coach.kam.conversation.buttons;

import java.util.List;

/**
 * Buttons of the deal card, the territory, the after-course plan and the charts: a one-letter
 * step, then the id it is about (a deal, an account, an action) and a small number (a stage, a
 * pattern) where the step has them. Which steps take which is the handler's to check.
 */
public final class WorkButtons {
    private WorkButtons() {
    }

    /** A step ("o" open, "s" stage, ...), and the id and number it carries, or null. */
    public record Step(String op, Long id, Integer n) {
        public static Step of(String op) {
            return new Step(op, null, null);
        }

        public static Step of(String op, long id) {
            return new Step(op, id, null);
        }
    }

    public static final Kind<Step> DEAL = step("dl", "o", "n", "p", "x", "w", "l", "r", "s").answeringStale("deal.gone");
    public static final Kind<Step> TERRITORY = step("tr", "n", "p", "s");
    public static final Kind<Step> COURSE_PLAN = step("cp", "p", "t", "a", "d", "c", "x");
    public static final Kind<Step> CHART = step("cht", "p", "t", "m", "r").answeringStale("chart.usage");

    public static final List<Kind<?>> ALL = List.of(DEAL, TERRITORY, COURSE_PLAN, CHART);

    private static Kind<Step> step(String prefix, String... ops) {
        return Kind.of(prefix, Step.class, s -> Kind.fields(s.op(), s.id(), s.n()),
                f -> new Step(f.oneOf(ops), f.more() ? Long.valueOf(f.id()) : null,
                        f.more() ? Integer.valueOf(f.number(0, 99)) : null));
    }
}
