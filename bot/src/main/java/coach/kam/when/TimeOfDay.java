package coach.kam.when;

import java.util.List;

/**
 * A clock time as said. {@code exact} is true for 24-hour readings (15:00) or an am/pm suffix;
 * otherwise the hour is on a 12-hour dial and a period, or the daytime preference, decides.
 */
record TimeOfDay(int hour, int minute, boolean exact) {
    private static final int DAY_START = 8;
    private static final int DAY_END = 20;

    TimeOfDay {
        if (hour < 0 || hour > 23 || minute < 0 || minute > 59) {
            throw Unsure.invalid();
        }
    }

    /** The 24-hour readings to try, in order: one, or both halves of the day that fall in daytime (8-20h). */
    List<Integer> hours(Period period) {
        if (exact) {
            return List.of(hour);
        }
        if (period != null) {
            return List.of(period.toHour(hour));
        }
        if (hour == 0 || hour > 12) {
            return List.of(hour);
        }
        int pm = hour + 12;
        boolean amDaytime = hour >= DAY_START;
        boolean pmDaytime = hour < 12 && pm <= DAY_END;
        if (amDaytime && pmDaytime) {
            return List.of(hour, pm);
        }
        return List.of(pmDaytime ? pm : hour);
    }
}
