package coach.kam.deals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A deal typed on one line, in any order: "冷链二期 300万 方案阶段 3月底" or "cold chain 1.2m proposal
 * end of march". Words are taken apart by blanks: an amount, a stage, a close date; what is left
 * is what is sold. How amounts and dates are read is given ({@link Readers}), so the walkthroughs'
 * readers serve here too.
 */
public final class DealLine {
    /** Longer lines are read only this far. */
    public static final int MAX_CHARS = 300;

    /** How an amount and a calendar date are read. */
    public record Readers(java.util.function.Function<String, Optional<BigDecimal>> money,
                          java.util.function.BiFunction<String, LocalDate, Optional<LocalDate>> dates) {
    }

    /** What the line said; any part may be missing. */
    public record Parsed(String title, BigDecimal amount, Stages.Stage stage, LocalDate close) {
    }

    private DealLine() {
    }

    public static Parsed read(String line, Stages stages, LocalDate today, Readers readers) {
        String text = line == null ? "" : line.strip();
        if (text.length() > MAX_CHARS) {
            text = text.substring(0, MAX_CHARS);
        }
        List<String> words = new ArrayList<>(List.of(text.split("[\\s\u3000]+")));
        words.removeIf(String::isEmpty);
        boolean[] used = new boolean[words.size()];
        Stages.Stage stage = null;
        BigDecimal amount = null;
        LocalDate close = null;
        for (int n = 3; n >= 1 && close == null; n--) {
            for (int i = 0; i + n <= words.size() && close == null; i++) {
                if (free(used, i, n)) {
                    Optional<LocalDate> d = date(String.join(" ", words.subList(i, i + n)), today, readers);
                    if (d.isPresent()) {
                        close = d.get();
                        mark(used, i, n);
                    }
                }
            }
        }
        for (int n = 2; n >= 1 && stage == null; n--) {
            for (int i = 0; i + n <= words.size() && stage == null; i++) {
                if (free(used, i, n)) {
                    Optional<Stages.Stage> s = stages.named(String.join(" ", words.subList(i, i + n)));
                    if (s.isPresent()) {
                        stage = s.get();
                        mark(used, i, n);
                    }
                }
            }
        }
        // an amount with a unit or a currency sign first ("300万", "1.2m", "¥50,000"), else a bare
        // number large enough not to be a phase or a count ("2" in "phase 2" is not an amount)
        for (int pass = 0; pass < 2 && amount == null; pass++) {
            for (int i = 0; i < words.size() && amount == null; i++) {
                String w = words.get(i).replace("元", "").replace("rmb", "").replace("RMB", "");
                if (used[i] || w.chars().noneMatch(Character::isDigit)) {
                    continue;
                }
                boolean marked = w.chars().anyMatch(c -> !Character.isDigit(c) && c != ',' && c != '.');
                Optional<BigDecimal> m = readers.money().apply(w);
                if (m.isPresent() && (pass == 0 ? marked : m.get().compareTo(BigDecimal.valueOf(1_000)) >= 0)) {
                    amount = m.get();
                    used[i] = true;
                }
            }
        }
        StringBuilder title = new StringBuilder();
        for (int i = 0; i < words.size(); i++) {
            if (!used[i]) {
                title.append(title.length() == 0 ? "" : " ").append(words.get(i));
            }
        }
        return new Parsed(title.toString(), amount, stage, close);
    }

    /** A next step typed on one line: what to do and, anywhere in it, when ("送方案 下周五", "send the proposal next fri"). */
    public record Step(String text, LocalDate date) {
    }

    public static Step nextStep(String line, LocalDate today, Readers readers) {
        String text = line == null ? "" : line.strip();
        if (text.length() > MAX_CHARS) {
            text = text.substring(0, MAX_CHARS);
        }
        List<String> words = new ArrayList<>(List.of(text.split("[\\s\u3000]+")));
        words.removeIf(String::isEmpty);
        for (int n = 3; n >= 1; n--) {
            for (int i = 0; i + n <= words.size(); i++) {
                Optional<LocalDate> d = date(String.join(" ", words.subList(i, i + n)), today, readers);
                if (d.isPresent()) {
                    List<String> rest = new ArrayList<>(words.subList(0, i));
                    rest.addAll(words.subList(i + n, words.size()));
                    return new Step(String.join(" ", rest), d.get());
                }
            }
        }
        // Chinese runs the date into the words: "下周五送方案", "方案下周五前发"
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            for (int k = Math.min(w.length() - 1, 20); k >= 2; k--) {
                Optional<LocalDate> head = date(w.substring(0, k), today, readers);
                Optional<LocalDate> tail = head.isPresent() ? head : date(w.substring(w.length() - k), today, readers);
                if (tail.isPresent()) {
                    List<String> rest = new ArrayList<>(words);
                    rest.set(i, head.isPresent() ? w.substring(k) : w.substring(0, w.length() - k));
                    return new Step(String.join(" ", rest).strip(), tail.get());
                }
            }
        }
        return new Step(String.join(" ", words), null);
    }

    /** A close date: what walkthrough dates accept, plus "3月底", "3月", "end of march", "march". */
    static Optional<LocalDate> date(String text, LocalDate today, Readers readers) {
        if (text.length() > 20) {
            return Optional.empty();
        }
        Optional<LocalDate> d = readers.dates().apply(text, today);
        if (d.isPresent()) {
            return d;
        }
        String t = text.toLowerCase(Locale.ROOT).strip();
        if (t.startsWith("end of ")) {
            t = t.substring("end of ".length());
        } else if (t.startsWith("by ")) {
            t = t.substring(3);
        }
        for (String tail : List.of("月底前", "月底", "月末", "月份", "月")) {
            if (t.endsWith(tail)) {
                Integer m = monthNumber(t.substring(0, t.length() - tail.length()));
                return m == null ? Optional.empty() : Optional.of(endOf(m, today));
            }
        }
        for (Month m : Month.values()) {
            String full = m.getDisplayName(TextStyle.FULL, Locale.ENGLISH).toLowerCase(Locale.ROOT);
            String abbr = m.getDisplayName(TextStyle.SHORT, Locale.ENGLISH).toLowerCase(Locale.ROOT);
            if (t.equals(full) || t.equals(abbr)) {
                return Optional.of(endOf(m.getValue(), today));
            }
        }
        return Optional.empty();
    }

    private static Integer monthNumber(String s) {
        if (s.matches("\\d{1,2}")) {
            int m = Integer.parseInt(s);
            return m >= 1 && m <= 12 ? m : null;
        }
        int i = List.of("一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二").indexOf(s);
        return i < 0 ? null : i + 1;
    }

    /** The last day of month {@code m}, this year unless that month is over, then next year. */
    private static LocalDate endOf(int m, LocalDate today) {
        LocalDate end = LocalDate.of(today.getYear(), m, 1).plusMonths(1).minusDays(1);
        return end.isBefore(today) ? end.plusYears(1) : end;
    }

    private static boolean free(boolean[] used, int from, int n) {
        for (int i = from; i < from + n; i++) {
            if (used[i]) {
                return false;
            }
        }
        return true;
    }

    private static void mark(boolean[] used, int from, int n) {
        for (int i = from; i < from + n; i++) {
            used[i] = true;
        }
    }
}
