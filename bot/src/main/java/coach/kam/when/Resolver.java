package coach.kam.when;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;

/** Turns the parts that were read into one future instant, or says why it cannot. */
final class Resolver {
    private Resolver() {
    }

    /**
     * @param now   the current time, zoned and cut to the minute
     * @param day   the day said, or null for "the next time that clock time comes"
     * @param period the part of the day said or implied, or null
     * @param time  the clock time said, or null
     */
    static ZonedDateTime resolve(ZonedDateTime now, Day day, Period period, TimeOfDay time) {
        List<Integer> hours;
        int minute = 0;
        if (time != null) {
            hours = time.hours(period);
            minute = time.minute();
        } else if (period != null) {
            hours = List.of(defaultHour(period, day));
        } else {
            LocalTime t = day.defaultTime();
            hours = List.of(t.getHour());
            minute = t.getMinute();
        }
        Day when = day != null ? day : Day.rolling(now.toLocalDate(), d -> d.plusDays(1));
        ZonedDateTime at = firstAfter(now, when.date(), hours, minute);
        if (at == null && when.next() != null) {
            at = firstAfter(now, when.next().apply(when.date()), hours, minute);
        }
        if (at == null) {
            throw Unsure.past();
        }
        return at;
    }

    /** A period alone names an hour only with a day (明天下午 → 15:00), except noon, which is one. */
    private static int defaultHour(Period period, Day day) {
        if (period.defaultHour < 0 || day == null && period != Period.NOON) {
            throw Unsure.ambiguous();
        }
        return period.defaultHour;
    }

    private static ZonedDateTime firstAfter(ZonedDateTime now, LocalDate date, List<Integer> hours, int minute) {
        for (int hour : hours) {
            ZonedDateTime at = ZonedDateTime.of(date, LocalTime.of(hour, minute), now.getZone());
            if (at.isAfter(now)) {
                return at;
            }
        }
        return null;
    }
}
