package coach.kam.when;

import static coach.kam.when.Numbers.NUM;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** 今天/明天/后天, 今晚/明早, 周五/这周五/下周三, 12月5日, 2026年12月5号, 下个月5号, 5号. */
final class ChineseDays {
    private static final Pattern RELATIVE = Pattern.compile(
            "大后天|后天|明天|明日|今天|今日|今晚|今夜|今早|明早|明晨|明晚");
    private static final Map<String, Integer> DAYS_AHEAD = Map.ofEntries(
            Map.entry("今天", 0), Map.entry("今日", 0), Map.entry("今晚", 0), Map.entry("今夜", 0),
            Map.entry("今早", 0), Map.entry("明天", 1), Map.entry("明日", 1), Map.entry("明早", 1),
            Map.entry("明晨", 1), Map.entry("明晚", 1), Map.entry("后天", 2), Map.entry("大后天", 3));
    /**
     * The blanks are possessive ({@code \s*+}): nothing after them starts with a blank, and plain
     * {@code \s*} would try every way of sharing a run of blanks between two of them.
     */
    private static final Pattern WEEKDAY = Pattern.compile(
            "(下下|下|这|本|上)?\\s*+个?\\s*+(?:周|星期|礼拜)\\s*+([一二三四五六日天末1-7])?");
    private static final String WEEKDAYS = "一二三四五六日";
    private static final Pattern MONTH_DAY = Pattern.compile(
            "(?:(\\d{4}|[〇零一二三四五六七八九]{4})\\s*年\\s*|(明年|今年|后年)\\s*)?(" + NUM + ")\\s*月\\s*(" + NUM + ")\\s*[日号]");
    private static final Pattern OTHER_MONTH = Pattern.compile(
            "(下个?|这个?|本)月\\s*(?:(" + NUM + ")\\s*[日号])?");
    private static final Pattern DAY_OF_MONTH = Pattern.compile("(" + NUM + ")\\s*[日号]");

    private ChineseDays() {
    }

    static Day read(Scan scan, LocalDate today) {
        Matcher m = scan.take(RELATIVE);
        if (m != null) {
            return relative(m.group(), today);
        }
        Day day = weekday(scan, today);
        if (day != null) {
            return day;
        }
        if ((m = scan.take(MONTH_DAY)) != null) {
            int month = Days.num(m, 3);
            int dayOfMonth = Days.num(m, 4);
            if (m.group(2) != null) {
                int ahead = m.group(2).equals("明年") ? 1 : m.group(2).equals("后年") ? 2 : 0;
                return Day.fixed(Days.date(today.getYear() + ahead, month, dayOfMonth));
            }
            return m.group(1) == null ? Days.monthDay(today, month, dayOfMonth)
                    : Day.fixed(Days.date(Days.num(m, 1), month, dayOfMonth));
        }
        if ((m = scan.take(OTHER_MONTH)) != null) {
            if (m.group(2) == null) {
                throw Unsure.ambiguous();
            }
            YearMonth month = YearMonth.from(today).plusMonths(m.group(1).startsWith("下") ? 1 : 0);
            return Days.dayOfMonth(month, Days.num(m, 2));
        }
        if ((m = scan.take(DAY_OF_MONTH)) != null) {
            return Days.dayOfMonth(today, Days.num(m, 1));
        }
        return null;
    }

    private static Day relative(String word, LocalDate today) {
        Day day = Day.fixed(today.plusDays(DAYS_AHEAD.get(word)));
        if (word.endsWith("晚") || word.endsWith("夜")) {
            return day.with(Period.EVENING);
        }
        return word.endsWith("早") || word.endsWith("晨") ? day.with(Period.MORNING) : day;
    }

    private static Day weekday(Scan scan, LocalDate today) {
        int start = scan.pos();
        Matcher m = scan.take(WEEKDAY);
        if (m == null) {
            return null;
        }
        String which = m.group(1);
        if (m.group(2) == null) {
            if (which == null) {
                scan.reset(start);
                return null;
            }
            throw Unsure.ambiguous();
        }
        DayOfWeek weekday = weekday(m.group(2).charAt(0));
        if (which == null) {
            return Days.upcoming(today, weekday);
        }
        int weeksAhead = switch (which) {
            case "下下" -> 2;
            case "下" -> 1;
            case "上" -> -1;
            default -> 0;
        };
        return Days.inWeek(today, weeksAhead, weekday);
    }

    private static DayOfWeek weekday(char c) {
        if (c >= '1' && c <= '7') {
            return DayOfWeek.of(c - '0');
        }
        if (c == '天') {
            return DayOfWeek.SUNDAY;
        }
        return c == '末' ? DayOfWeek.SATURDAY : DayOfWeek.of(WEEKDAYS.indexOf(c) + 1);
    }
}
