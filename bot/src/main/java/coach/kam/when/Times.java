package coach.kam.when;

import static coach.kam.when.Numbers.NUM;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a part of the day (下午, evening, noon) and a clock time (3点半, 14:30, 2pm, at 8). */
final class Times {
    private static final int CI = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
    private static final Pattern ZH_PERIOD = Pattern.compile(
            "凌晨|早上|早晨|清晨|上午|中午|正午|下午|午后|傍晚|晚上|晚间|夜里|夜晚");
    private static final Pattern EN_PERIOD = Pattern.compile(
            "(?:at\\s+|in\\s+the\\s+)?(morning|afternoon|evening|night|noon|midday)(?![a-z])", CI);
    private static final Map<String, Period> PERIODS = Map.ofEntries(
            Map.entry("凌晨", Period.EARLY), Map.entry("早上", Period.MORNING), Map.entry("早晨", Period.MORNING),
            Map.entry("清晨", Period.MORNING), Map.entry("上午", Period.MORNING), Map.entry("中午", Period.NOON),
            Map.entry("正午", Period.NOON), Map.entry("下午", Period.AFTERNOON), Map.entry("午后", Period.AFTERNOON),
            Map.entry("傍晚", Period.EVENING), Map.entry("晚上", Period.EVENING), Map.entry("晚间", Period.EVENING),
            Map.entry("夜里", Period.EVENING), Map.entry("夜晚", Period.EVENING),
            Map.entry("morning", Period.MORNING), Map.entry("afternoon", Period.AFTERNOON),
            Map.entry("evening", Period.EVENING), Map.entry("night", Period.EVENING),
            Map.entry("noon", Period.NOON), Map.entry("midday", Period.NOON));

    /** What may not follow a number read as minutes: more digits, or a unit (10点 30分钟后 is not 10:30). */
    private static final String NOT_MINUTE = "[\\d零〇一二两三四五六七八九十]|分钟|个|小时|天|号|日";
    /** 3点, 十点半, 10点一刻, 两点三刻, 9点整, 10点30分, 十点十五. */
    private static final Pattern ZH_CLOCK = Pattern.compile(
            "(" + NUM + ")\\s*[点时](?:钟)?(?:(半)|(一刻)|(三刻)|整|(" + NUM + ")(?!" + NOT_MINUTE + ")分?)?");
    /** 14:30, 9:00am, 3pm, 3 p.m., at 8, @9; needs a colon, a suffix or "at". */
    private static final Pattern DIGIT_CLOCK = Pattern.compile(
            "(at\\s+|@\\s*)?(\\d{1,2})(?::(\\d{1,2}))?(?![\\d:])(?:\\s*([ap])\\.?m\\.?(?![a-z]))?", CI);

    private Times() {
    }

    static Period period(Scan scan) {
        Matcher m = scan.take(ZH_PERIOD);
        if (m == null) {
            m = scan.take(EN_PERIOD);
        }
        return m == null ? null : PERIODS.get(m.group(m.groupCount() == 1 ? 1 : 0).toLowerCase(Locale.ROOT));
    }

    static TimeOfDay clock(Scan scan) {
        Matcher zh = scan.take(ZH_CLOCK);
        if (zh != null) {
            return new TimeOfDay(Numbers.value(zh.group(1)), zhMinute(zh), false);
        }
        int start = scan.pos();
        Matcher m = scan.take(DIGIT_CLOCK);
        if (m == null || m.group(1) == null && m.group(3) == null && m.group(4) == null) {
            scan.reset(start);
            return null;
        }
        return digital(m.group(2), m.group(3), m.group(4));
    }

    private static int zhMinute(Matcher m) {
        if (m.group(2) != null) {
            return 30;
        }
        if (m.group(3) != null) {
            return 15;
        }
        if (m.group(4) != null) {
            return 45;
        }
        return m.group(5) == null ? 0 : Numbers.value(m.group(5));
    }

    private static TimeOfDay digital(String hourText, String minuteText, String meridiem) {
        int hour = Integer.parseInt(hourText);
        int minute = minuteText == null ? 0 : Integer.parseInt(minuteText);
        if (minuteText != null && minuteText.length() != 2) {
            throw Unsure.invalid();
        }
        if (meridiem == null) {
            boolean twentyFour = hour > 12 || hour == 0 || hourText.startsWith("0");
            return new TimeOfDay(hour, minute, twentyFour);
        }
        if (hour < 1 || hour > 12) {
            throw Unsure.invalid();
        }
        boolean pm = meridiem.equalsIgnoreCase("p");
        return new TimeOfDay(hour % 12 + (pm ? 12 : 0), minute, true);
    }
}
