package coach.kam.when;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** today/tonight/tomorrow, this afternoon, (on|this|next) Friday, Dec 5, 5 Dec 2026. */
final class EnglishDays {
    private static final int CI = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
    private static final String END = "(?![a-z])";
    private static final Pattern RELATIVE = Pattern.compile(
            "((?:the\\s+)?day\\s+after\\s+tomorrow|today|tonight|tomorrow|tmrw|tmr|this\\s+(morning|afternoon|evening))" + END, CI);
    private static final String WEEKDAY_NAMES = "(monday|mon|tuesday|tues|tue|wednesday|wed|thursday|thurs|thur|thu"
            + "|friday|fri|saturday|sat|sunday|sun)\\.?" + END;
    private static final Pattern WEEKDAY = Pattern.compile(
            "(?:on\\s+)?(?:(next|this|coming)\\s+)?" + WEEKDAY_NAMES, CI);
    private static final Pattern VAGUE = Pattern.compile("(?:next|this)\\s+(?:week|month|weekend)" + END + "|next" + END, CI);
    private static final String MONTH = "(jan|january|feb|february|mar|march|apr|april|may|jun|june|jul|july|aug|august"
            + "|sep|sept|september|oct|october|nov|november|dec|december)\\.?" + END;
    private static final String ORDINAL = "(\\d{1,2})(?:st|nd|rd|th)?(?![\\d:a-z])";
    private static final String YEAR = "(?:,?\\s+(\\d{4})(?![\\d:]))?";
    private static final Pattern MONTH_FIRST = Pattern.compile("(?:on\\s+)?" + MONTH + "\\s*" + ORDINAL + YEAR, CI);
    private static final Pattern DAY_FIRST = Pattern.compile(
            "(?:on\\s+)?(?:the\\s+)?" + ORDINAL + "\\s*(?:of\\s+)?" + MONTH + YEAR, CI);
    /** "on the 5th": a day of this month, or of the next that has it. */
    private static final Pattern ORDINAL_ONLY = Pattern.compile("(?:on\\s+)?the\\s+(\\d{1,2})(?:st|nd|rd|th)(?![a-z\\d])", CI);
    private static final List<String> MONTHS = List.of(
            "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec");
    private static final List<String> WEEKDAYS = List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun");

    private EnglishDays() {
    }

    static Day read(Scan scan, LocalDate today) {
        Matcher m = scan.take(RELATIVE);
        if (m != null) {
            return relative(m, today);
        }
        if ((m = scan.take(WEEKDAY)) != null) {
            DayOfWeek weekday = DayOfWeek.of(index(WEEKDAYS, m.group(2)) + 1);
            return "next".equalsIgnoreCase(m.group(1)) ? Days.inWeek(today, 1, weekday) : Days.upcoming(today, weekday);
        }
        if (scan.take(VAGUE) != null) {
            throw Unsure.ambiguous();
        }
        if ((m = scan.take(MONTH_FIRST)) != null) {
            return monthDay(today, m.group(1), m.group(2), m.group(3));
        }
        if ((m = scan.take(DAY_FIRST)) != null) {
            return monthDay(today, m.group(2), m.group(1), m.group(3));
        }
        if ((m = scan.take(ORDINAL_ONLY)) != null) {
            return Days.dayOfMonth(today, Integer.parseInt(m.group(1)));
        }
        return null;
    }

    private static Day relative(Matcher m, LocalDate today) {
        String word = m.group(1).toLowerCase(Locale.ROOT);
        if (m.group(2) != null) {
            Period period = Period.valueOf(m.group(2).toUpperCase(Locale.ROOT));
            return Day.fixed(today).with(period);
        }
        if (word.equals("tonight")) {
            return Day.fixed(today).with(Period.EVENING);
        }
        int ahead = word.equals("today") ? 0 : word.endsWith("after tomorrow") ? 2 : 1;
        return Day.fixed(today.plusDays(ahead));
    }

    private static Day monthDay(LocalDate today, String monthName, String day, String year) {
        int month = index(MONTHS, monthName) + 1;
        int dayOfMonth = Integer.parseInt(day);
        return year == null ? Days.monthDay(today, month, dayOfMonth)
                : Day.fixed(Days.date(Integer.parseInt(year), month, dayOfMonth));
    }

    private static int index(List<String> names, String word) {
        return names.indexOf(word.substring(0, 3).toLowerCase(Locale.ROOT));
    }
}
