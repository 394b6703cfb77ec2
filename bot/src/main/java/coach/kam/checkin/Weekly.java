package coach.kam.checkin;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;

/** The next moment a weekly or daily local time comes round, in the rep's zone (daylight saving included). */
public final class Weekly {
    private Weekly() {
    }

    /** The first {@code day} at {@code time} strictly after {@code after}. */
    public static Instant next(DayOfWeek day, LocalTime time, ZoneId zone, Instant after) {
        ZonedDateTime local = after.atZone(zone);
        ZonedDateTime candidate = local.with(TemporalAdjusters.nextOrSame(day)).with(time).withSecond(0).withNano(0);
        if (!candidate.toInstant().isAfter(after)) {
            candidate = candidate.plusWeeks(1).with(time);
        }
        return candidate.toInstant();
    }

    /** The first {@code time} of any day strictly after {@code after}. */
    public static Instant nextDaily(LocalTime time, ZoneId zone, Instant after) {
        ZonedDateTime candidate = after.atZone(zone).with(time).withSecond(0).withNano(0);
        if (!candidate.toInstant().isAfter(after)) {
            candidate = candidate.plusDays(1).with(time);
        }
        return candidate.toInstant();
    }
}
