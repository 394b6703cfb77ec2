package coach.kam.when;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the day part: numeric dates here, then Chinese and English words; plus the calendar rules they share. */
final class Days {
    private static final Pattern ISO = Pattern.compile(
            "(\\d{4})\\s*[-/.]\\s*(\\d{1,2})\\s*[-/.]\\s*(\\d{1,2})(?!\\d)(?:T(?=\\d))?");
    /** 12/05 is month/day, as in the rest of this parser (12月5日). */
    private static final Pattern MONTH_SLASH_DAY = Pattern.compile("(\\d{1,2})/(\\d{1,2})(?![\\d/])");

    private Days() {
    }

    static Day read(Scan scan, LocalDate today) {
        Matcher iso = scan.take(ISO);
        if (iso != null) {
            return Day.fixed(date(num(iso, 1), num(iso, 2), num(iso, 3)));
        }
        Matcher md = scan.take(MONTH_SLASH_DAY);
        if (md != null) {
            return monthDay(today, num(md, 1), num(md, 2));
        }
        Day zh = ChineseDays.read(scan, today);
        return zh != null ? zh : EnglishDays.read(scan, today);
    }

    static LocalDate date(int year, int month, int day) {
        try {
            return LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            throw Unsure.invalid();
        }
    }

    /** A month and day without a year: this year's, or next year's once it has passed. */
    static Day monthDay(LocalDate today, int month, int day) {
        return Day.rolling(date(today.getYear(), month, day), d -> d.plusYears(1));
    }

    /** Day {@code n} of this month, or of the next month that has it once it has passed. */
    static Day dayOfMonth(LocalDate today, int n) {
        if (n < 1 || n > 31) {
            throw Unsure.invalid();
        }
        return Day.rolling(nth(YearMonth.from(today), n), d -> nth(YearMonth.from(d).plusMonths(1), n));
    }

    static Day dayOfMonth(YearMonth month, int n) {
        if (!month.isValidDay(n)) {
            throw Unsure.invalid();
        }
        return Day.fixed(month.atDay(n));
    }

    /** The next occurrence of {@code weekday}, today included; a week later once it has passed. */
    static Day upcoming(LocalDate today, DayOfWeek weekday) {
        return Day.rolling(today.with(TemporalAdjusters.nextOrSame(weekday)), d -> d.plusWeeks(1));
    }

    /** {@code weekday} of the Monday-start week {@code weeksAhead} from this one (0 = this week). */
    static Day inWeek(LocalDate today, int weeksAhead, DayOfWeek weekday) {
        LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        return Day.fixed(monday.plusWeeks(weeksAhead).plusDays(weekday.getValue() - 1L));
    }

    static int num(Matcher m, int group) {
        return Numbers.value(m.group(group));
    }

    private static LocalDate nth(YearMonth month, int n) {
        YearMonth m = month;
        while (!m.isValidDay(n)) {
            m = m.plusMonths(1);
        }
        return m.atDay(n);
    }
}
