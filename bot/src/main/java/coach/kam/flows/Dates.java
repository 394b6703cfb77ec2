package coach.kam.flows;

import coach.kam.when.Calendar;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A calendar date as reps type it: 2026-12-05, 2026/12/5, 2026年12月5日, 12月5日, 12/5; a day in
 * words (明天, 下周五, next fri, dec 18, 月底前, by Friday); or a month (2026-09, 明年三月, next March).
 */
public final class Dates {
    private static final Pattern FULL = Pattern.compile("^(\\d{4})[-/.年](\\d{1,2})(?:[-/.月](\\d{1,2})[日号]?)?月?份?$");
    private static final Pattern MONTH_DAY = Pattern.compile("^(\\d{1,2})(?:月|/)(\\d{1,2})[日号]?$");

    private Dates() {
    }

    /**
     * The date, or empty when the text is not one. A month and day without a year is the next such
     * day within about a year (a date more than six months past means next year). A month alone is
     * its last day, so "2026-09" is not over until September is.
     */
    public static Optional<LocalDate> parse(String typed, LocalDate today) {
        return read(typed, today).map(d -> d.day != null ? d.day : d.month.atEndOfMonth());
    }

    /** As a walkthrough keeps it: "2026-12-05", or "2026-09" for a month. */
    static Optional<String> answer(String typed, LocalDate today) {
        return read(typed, today).map(d -> d.day != null ? d.day.toString() : d.month.toString());
    }

    /** The last day an answer kept by {@link #answer} covers: the day, or a month's last day. */
    static LocalDate lastDay(String answer) {
        return answer.length() == 7 ? YearMonth.parse(answer).atEndOfMonth() : LocalDate.parse(answer);
    }

    /** The first day an answer kept by {@link #answer} covers. */
    static LocalDate firstDay(String answer) {
        return answer.length() == 7 ? YearMonth.parse(answer).atDay(1) : LocalDate.parse(answer);
    }

    private record Read(LocalDate day, YearMonth month) {
    }

    private static Optional<Read> read(String typed, LocalDate today) {
        String text = AnswerParser.normalise(typed);
        try {
            Matcher full = FULL.matcher(text);
            if (full.matches()) {
                int year = Integer.parseInt(full.group(1));
                int month = Integer.parseInt(full.group(2));
                return Optional.of(full.group(3) == null ? new Read(null, YearMonth.of(year, month))
                        : new Read(LocalDate.of(year, month, Integer.parseInt(full.group(3))), null));
            }
            Matcher md = MONTH_DAY.matcher(text);
            if (md.matches()) {
                LocalDate d = LocalDate.of(today.getYear(), Integer.parseInt(md.group(1)), Integer.parseInt(md.group(2)));
                return Optional.of(new Read(d.isBefore(today.minusMonths(6)) ? d.plusYears(1) : d, null));
            }
        } catch (DateTimeException e) {
            return Optional.empty();
        }
        Optional<LocalDate> day = Calendar.day(text, today);
        if (day.isPresent()) {
            return Optional.of(new Read(day.get(), null));
        }
        return Calendar.month(text, today).map(m -> new Read(null, m));
    }
}
