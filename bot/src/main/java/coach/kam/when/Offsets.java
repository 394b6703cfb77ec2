package coach.kam.when;

import static coach.kam.when.Numbers.EN_COUNT;
import static coach.kam.when.Numbers.NUM;

import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a span from now: 30分钟后, 一个半小时后, 3天后, in 2 hours, in half an hour, 2 days later.
 * Minutes and hours give the instant; days, weeks and months give a day (at the current clock
 * time unless a time follows, as in 3天后上午10点).
 */
final class Offsets {
    private static final int CI = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
    /**
     * The blanks are possessive ({@code \s*+}): nothing after them starts with a blank, and plain
     * {@code \s*} would try every way of sharing a run of blanks between four of them.
     */
    private static final Pattern ZH = Pattern.compile(
            "(" + NUM + ")?\\s*+个?\\s*+(半)?\\s*+个?\\s*+(分钟|分|小时|钟头|钟|天|日|周|星期|礼拜|月)\\s*+(?:以后|之后|后)");
    private static final String EN_UNIT = "(minutes?|mins?|hours?|hrs?|days?|weeks?|wks?|months?)(?![a-z])";
    private static final Pattern EN_IN = Pattern.compile(
            "in\\s+(?:(half)\\s+an?|(" + EN_COUNT + "))\\s+" + EN_UNIT, CI);
    private static final Pattern EN_LATER = Pattern.compile(
            "(?:(half)\\s+an?|(" + EN_COUNT + "))\\s+" + EN_UNIT + "\\s+(?:later|from\\s+now)(?![a-z])", CI);

    /** What a span gives: either the instant itself or, for whole days and more, a day. */
    record Offset(ZonedDateTime at, Day day) {
    }

    private Offsets() {
    }

    static Offset read(Scan scan, ZonedDateTime now) {
        int start = scan.pos();
        Matcher zh = scan.take(ZH);
        if (zh != null) {
            if (zh.group(1) == null && zh.group(2) == null) {
                scan.reset(start);
                return null;
            }
            int count = zh.group(1) == null ? 0 : Numbers.value(zh.group(1));
            return offset(now, count, zh.group(2) != null, zh.group(3));
        }
        Matcher en = scan.take(EN_IN);
        if (en == null) {
            en = scan.take(EN_LATER);
        }
        if (en == null) {
            return null;
        }
        boolean half = en.group(1) != null;
        int count = half ? 0 : Numbers.value(en.group(2));
        return offset(now, count, half, en.group(3).toLowerCase(Locale.ROOT));
    }

    private static Offset offset(ZonedDateTime now, int count, boolean half, String unit) {
        char u = unit.charAt(0);
        if (u == '分' || u == 'm' && unit.startsWith("mi")) {
            if (half) {
                throw Unsure.ambiguous();
            }
            return new Offset(now.plusMinutes(count), null);
        }
        if (u == '小' || u == '钟' || u == 'h') {
            return new Offset(now.plusMinutes(count * 60L + (half ? 30 : 0)), null);
        }
        if (half) {
            throw Unsure.ambiguous();
        }
        ZonedDateTime later = switch (u) {
            case '天', '日', 'd' -> now.plusDays(count);
            case '月', 'm' -> now.plusMonths(count);
            default -> now.plusWeeks(count);
        };
        return new Offset(null, Day.fixed(later.toLocalDate(), later.toLocalTime()));
    }
}
