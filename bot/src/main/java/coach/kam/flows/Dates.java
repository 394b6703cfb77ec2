package coach.kam.flows;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A calendar date as reps type it: 2026-12-05, 2026/12/5, 2026年12月5日, 12月5日, 12/5, 2026-12. */
public final class Dates {
    private static final Pattern FULL = Pattern.compile("^(\\d{4})[-/.年](\\d{1,2})(?:[-/.月](\\d{1,2})[日号]?)?月?$");
    private static final Pattern MONTH_DAY = Pattern.compile("^(\\d{1,2})(?:月|/)(\\d{1,2})[日号]?$");

    private Dates() {
    }

    /**
     * The date, or empty when the text is not one. A month and day without a year is the next such
     * day within about a year (a date more than six months past means next year).
     */
    public static Optional<LocalDate> parse(String typed, LocalDate today) {
        String text = AnswerParser.normalise(typed);
        try {
            Matcher full = FULL.matcher(text);
            if (full.matches()) {
                int day = full.group(3) == null ? 1 : Integer.parseInt(full.group(3));
                return Optional.of(LocalDate.of(Integer.parseInt(full.group(1)), Integer.parseInt(full.group(2)), day));
            }
            Matcher md = MONTH_DAY.matcher(text);
            if (md.matches()) {
                LocalDate d = LocalDate.of(today.getYear(), Integer.parseInt(md.group(1)), Integer.parseInt(md.group(2)));
                return Optional.of(d.isBefore(today.minusMonths(6)) ? d.plusYears(1) : d);
            }
        } catch (DateTimeException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }
}
