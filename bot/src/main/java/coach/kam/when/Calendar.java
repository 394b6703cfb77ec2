package coach.kam.when;

import static coach.kam.when.Numbers.NUM;

import coach.kam.text.Head;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A whole answer read as a day or a month, for prompts that ask for a date rather than a time:
 * a plan item's due date ("月底前", "下周五", "next fri", "dec 18"), a tender expected in
 * "明年三月" or "next March". The same readers as reminder times, with nothing left over.
 */
public final class Calendar {
    private static final int CI = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
    private static final int READ_CHARS = 80;
    private static final String SEPARATORS = ",，。.!！ \t\u3000";
    private static final Pattern ZH_MONTH = Pattern.compile(
            "(明年|今年|后年)?\\s*+(" + NUM + ")\\s*+月\\s*+份?\\s*+(?:初|中|中旬|上旬|下旬|左右|前后)?");
    private static final Pattern ZH_OTHER_MONTH = Pattern.compile("(下个?|这个?|本)\\s*+月\\s*+份?");
    private static final Pattern EN_MONTH = Pattern.compile("(?:in\\s+|by\\s+)?(?:(next|this)\\s+)?(?:early\\s+|mid\\s+|late\\s+)?"
            + "(jan|january|feb|february|mar|march|apr|april|may|jun|june|jul|july|aug|august|sep|sept|september"
            + "|oct|october|nov|november|dec|december)\\.?(?:,?\\s+(\\d{4}))?(?![a-z\\d])", CI);
    private static final Pattern EN_OTHER_MONTH = Pattern.compile("(next|this)\\s+month(?![a-z])", CI);
    private static final List<String> MONTHS = List.of(
            "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec");

    private Calendar() {
    }

    /** The day the whole text names (a deadline's own day for 月底前 or "by Friday"), or empty. */
    public static Optional<LocalDate> day(String text, LocalDate today) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        Scan scan = new Scan(Head.of(text.strip(), READ_CHARS));
        try {
            LocalDate d = Deadlines.read(scan, today);
            if (d == null) {
                boolean by = Deadlines.byWord(scan);
                Offsets.Offset offset = by ? null : Offsets.read(scan, today.atStartOfDay(java.time.ZoneOffset.UTC));
                Day day = offset != null ? offset.day() : Days.read(scan, today);
                if (day == null) {
                    return Optional.empty();
                }
                Deadlines.zhBefore(scan);
                // a day that rolls (15号, next to a date already gone) is its next occurrence
                d = day.next() != null && day.date().isBefore(today) ? day.next().apply(day.date()) : day.date();
            }
            return allRead(text, scan) ? Optional.of(d) : Optional.empty();
        } catch (Unsure e) {
            return Optional.empty();
        }
    }

    /** The month the whole text names: 明年三月, 3月, 下个月, next March, March 2027; empty otherwise. */
    public static Optional<YearMonth> month(String text, LocalDate today) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        Scan scan = new Scan(Head.of(text.strip(), READ_CHARS));
        try {
            YearMonth month = readMonth(scan, today);
            return month != null && allRead(text, scan) ? Optional.of(month) : Optional.empty();
        } catch (Unsure e) {
            return Optional.empty();
        }
    }

    private static YearMonth readMonth(Scan scan, LocalDate today) {
        YearMonth now = YearMonth.from(today);
        Matcher m = scan.take(ZH_MONTH);
        if (m != null) {
            int month = month(Numbers.value(m.group(2)));
            if (m.group(1) == null) {
                return upcoming(now, month, false);
            }
            int ahead = switch (m.group(1)) {
                case "明年" -> 1;
                case "后年" -> 2;
                default -> 0;
            };
            return YearMonth.of(today.getYear() + ahead, month);
        }
        if ((m = scan.take(ZH_OTHER_MONTH)) != null) {
            return m.group(1).startsWith("下") ? now.plusMonths(1) : now;
        }
        if ((m = scan.take(EN_OTHER_MONTH)) != null) {
            return m.group(1).equalsIgnoreCase("next") ? now.plusMonths(1) : now;
        }
        if ((m = scan.take(EN_MONTH)) != null) {
            int month = MONTHS.indexOf(m.group(2).substring(0, 3).toLowerCase(Locale.ROOT)) + 1;
            if (m.group(3) != null) {
                return YearMonth.of(Integer.parseInt(m.group(3)), month);
            }
            return upcoming(now, month, "next".equalsIgnoreCase(m.group(1)));
        }
        return null;
    }

    /** This year's month when it has not ended, else next year's; "next" skips the current month. */
    private static YearMonth upcoming(YearMonth now, int month, boolean next) {
        YearMonth m = YearMonth.of(now.getYear(), month);
        return m.isBefore(now) || next && m.equals(now) ? m.plusYears(1) : m;
    }

    private static int month(int m) {
        if (m < 1 || m > 12) {
            throw Unsure.invalid();
        }
        return m;
    }

    private static boolean allRead(String text, Scan scan) {
        String t = text.strip();
        if (t.length() > READ_CHARS) {
            return false;
        }
        for (int i = scan.pos(); i < t.length(); i++) {
            if (SEPARATORS.indexOf(t.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }
}
