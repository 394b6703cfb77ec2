package coach.kam.when;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.function.UnaryOperator;

/**
 * A day as said. {@code next} gives the following occurrence when the first one has passed (plain
 * 周五 rolls a week, 12月5日 a year, 5号 a month); it is null for a day that was named outright
 * (明天, 这周五, 2026-12-05), which is then "past" if gone. {@code period} is one implied by the
 * word (今晚, this afternoon); {@code defaultTime} replaces 09:00 when no time is said.
 */
record Day(LocalDate date, UnaryOperator<LocalDate> next, Period period, LocalTime defaultTime) {
    static final LocalTime NINE = LocalTime.of(9, 0);

    static Day fixed(LocalDate date) {
        return new Day(date, null, null, NINE);
    }

    static Day fixed(LocalDate date, LocalTime defaultTime) {
        return new Day(date, null, null, defaultTime);
    }

    static Day rolling(LocalDate date, UnaryOperator<LocalDate> next) {
        return new Day(date, next, null, NINE);
    }

    Day with(Period implied) {
        return new Day(date, next, implied, defaultTime);
    }
}
