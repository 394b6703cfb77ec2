package coach.kam.practice;

import java.time.LocalDate;

/**
 * SuperMemo 2 (P. Wozniak, 1987), the schedule behind most flash-card tools; no maintained Java
 * library for it (or for FSRS) resolves from the build's Maven mirror, and it is twenty lines.
 * An item has a repetition count, an easiness (2.5 at first, never under 1.3) and an interval in
 * days. A grade of 3 to 5 is a pass: the interval goes 1, 6, then the last interval times the
 * easiness. A grade under 3 is a miss: the count starts again and the item is due the next day.
 * The easiness moves by 0.1 - (5 - q) * (0.08 + (5 - q) * 0.02) after every grade q.
 */
public final class Sm2 {
    public static final double FIRST_EASINESS = 2.5;
    static final double MIN_EASINESS = 1.3;

    /** Where an item stands: the next review is {@code interval} days after the last. */
    public record State(int repetitions, double easiness, int interval) {
        public static State fresh() {
            return new State(0, FIRST_EASINESS, 0);
        }
    }

    private Sm2() {
    }

    /** The state after a grade of 0 (nothing) to 5 (perfect). */
    public static State grade(State s, int grade) {
        int q = Math.max(0, Math.min(5, grade));
        double easiness = Math.max(MIN_EASINESS, s.easiness() + 0.1 - (5 - q) * (0.08 + (5 - q) * 0.02));
        if (q < 3) {
            return new State(0, easiness, 1);
        }
        int interval = switch (s.repetitions()) {
            case 0 -> 1;
            case 1 -> 6;
            default -> (int) Math.round(s.interval() * s.easiness());
        };
        return new State(s.repetitions() + 1, easiness, interval);
    }

    /** The day an item graded on {@code day} is due again. */
    public static LocalDate due(State s, LocalDate day) {
        return day.plusDays(Math.max(1, s.interval()));
    }
}
