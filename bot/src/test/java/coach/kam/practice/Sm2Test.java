package coach.kam.practice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The SM-2 schedule: 1, 6, then interval times easiness; a miss starts over and is due the next day. */
class Sm2Test {
    private static final LocalDate DAY = LocalDate.of(2026, 11, 27);

    @Test
    void passesSpreadOutAndAMissComesBackTomorrow() {
        Sm2.State s = Sm2.grade(Sm2.State.fresh(), 4);
        assertEquals(1, s.interval());
        assertEquals(2.5, s.easiness(), 1e-9, "a 4 keeps the easiness");
        s = Sm2.grade(s, 5);
        assertEquals(6, s.interval());
        assertEquals(2.6, s.easiness(), 1e-9);
        s = Sm2.grade(s, 4);
        assertEquals(Math.round(6 * 2.6), s.interval(), "the interval times the easiness before the grade");
        assertEquals(3, s.repetitions());
        Sm2.State missed = Sm2.grade(s, 1);
        assertEquals(0, missed.repetitions());
        assertEquals(1, missed.interval());
        assertEquals(DAY.plusDays(1), Sm2.due(missed, DAY));
        assertEquals(2.6 - 0.54, missed.easiness(), 1e-9);
    }

    @Test
    void easinessNeverFallsUnderTheFloorAndGradesAreClamped() {
        Sm2.State s = Sm2.State.fresh();
        for (int i = 0; i < 20; i++) {
            s = Sm2.grade(s, -3);
        }
        assertEquals(1.3, s.easiness(), 1e-9);
        assertEquals(1, Sm2.grade(Sm2.State.fresh(), 9).interval());
        assertTrue(Sm2.grade(Sm2.State.fresh(), 9).easiness() > 2.5, "a grade over 5 counts as 5");
    }
}
