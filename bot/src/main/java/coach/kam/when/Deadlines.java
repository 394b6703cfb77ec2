package coach.kam.when;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Deadlines: 月底前, 下个月底, 年底前, 今天下班前, end of month, end of next week, eod, and a day
 * followed by 前/之前/以前 (周五前, 12月18日前) or preceded by by/before (by Friday, before Dec 18).
 * A deadline reminds on its day's morning, at the hour given (the rep's check-in hour); when that
 * hour has passed and the day is today, at 16:00, an hour before a working day ends.
 */
final class Deadlines {
    private static final int CI = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
    static final LocalTime LAST_CALL = LocalTime.of(16, 0);
    private static final String ZH_BEFORE_WORDS = "之前|以前|前";
    private static final Pattern ZH_MONTH_END = Pattern.compile(
            "(下个?|这个?|本)?\\s*+月\\s*+(?:底|末)\\s*+(?:" + ZH_BEFORE_WORDS + ")?");
    private static final Pattern ZH_YEAR_END = Pattern.compile("(明年|今年)?\\s*+年\\s*+(?:底|末)\\s*+(?:" + ZH_BEFORE_WORDS + ")?");
    private static final Pattern ZH_OFF_WORK = Pattern.compile("(今天|今日|明天|明日)?\\s*+下班\\s*+(?:" + ZH_BEFORE_WORDS + ")");
    private static final Pattern ZH_BEFORE = Pattern.compile("下班\\s*+(?:" + ZH_BEFORE_WORDS + ")|" + ZH_BEFORE_WORDS);
    private static final String BY = "(?:(?:by|before|until|due)\\s+)?";
    private static final Pattern EN_DAY_END = Pattern.compile(BY + "(?:the\\s+)?(?:end\\s+of\\s+(?:the\\s+)?(?:business\\s+|work\\s+)?day"
            + "|eod|cob|close\\s+of\\s+business)(?:\\s+today)?(?![a-z])", CI);
    private static final Pattern EN_PERIOD_END = Pattern.compile(BY + "(?:the\\s+)?(?:end\\s+of\\s+(?:the\\s+|this\\s+)?(next\\s+)?"
            + "(month|week|year)|(eom))(?![a-z])", CI);
    private static final Pattern EN_BY = Pattern.compile("(?:by|before|until|due)\\s+(?=\\S)", CI);

    private Deadlines() {
    }

    /** A deadline phrase at the scan position that names its own day (月底前, eod), or null. */
    static LocalDate read(Scan scan, LocalDate today) {
        Matcher m = scan.take(ZH_MONTH_END);
        if (m != null) {
            return monthEnd(today, m.group(1) != null && m.group(1).startsWith("下") ? 1 : 0);
        }
        if ((m = scan.take(ZH_YEAR_END)) != null) {
            int year = today.getYear() + ("明年".equals(m.group(1)) ? 1 : 0);
            return LocalDate.of(year, 12, 31);
        }
        if ((m = scan.take(ZH_OFF_WORK)) != null) {
            return m.group(1) != null && m.group(1).startsWith("明") ? today.plusDays(1) : today;
        }
        if (scan.take(EN_DAY_END) != null) {
            return today;
        }
        if ((m = scan.take(EN_PERIOD_END)) != null) {
            return periodEnd(today, m.group(1) != null, m.group(3) != null ? "month" : m.group(2).toLowerCase(Locale.ROOT));
        }
        return null;
    }

    /** "by " or "before " in front of a day: consumed, true; else the scan is left where it was. */
    static boolean byWord(Scan scan) {
        return scan.take(EN_BY) != null;
    }

    /** 前, 之前, 以前 or 下班前 right after a day: consumed, true. */
    static boolean zhBefore(Scan scan) {
        return scan.take(ZH_BEFORE) != null;
    }

    /** The morning of {@code day} at {@code morning}; on the day itself, once that has passed, 16:00; else "past". */
    static ZonedDateTime resolve(ZonedDateTime now, LocalDate day, LocalTime morning) {
        ZonedDateTime at = ZonedDateTime.of(day, morning, now.getZone());
        if (at.isAfter(now)) {
            return at;
        }
        ZonedDateTime late = ZonedDateTime.of(day, LAST_CALL, now.getZone());
        if (day.equals(now.toLocalDate()) && late.isAfter(now)) {
            return late;
        }
        throw Unsure.past();
    }

    private static LocalDate monthEnd(LocalDate today, int monthsAhead) {
        return YearMonth.from(today).plusMonths(monthsAhead).atEndOfMonth();
    }

    private static LocalDate periodEnd(LocalDate today, boolean next, String unit) {
        return switch (unit) {
            case "month" -> monthEnd(today, next ? 1 : 0);
            case "year" -> LocalDate.of(today.getYear() + (next ? 1 : 0), 12, 31);
            default -> {
                LocalDate friday = today.with(TemporalAdjusters.nextOrSame(DayOfWeek.FRIDAY));
                yield next ? friday.plusWeeks(1) : friday;
            }
        };
    }
}
