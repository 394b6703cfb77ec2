package coach.kam.plans;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * The numbers of a plan item, from where to where: "份额 20% → 35%" (share of wallet from 20% to
 * 35%), "销售额 300万 → 600万", "stores 40 -> 60". The first line sets the label, the baseline
 * (also the current value) and the target; a later line with one number ("28%") moves the current
 * value, and progress is how far the current value went from the baseline to the target.
 */
public record Figures(String label, BigDecimal baseline, BigDecimal current, BigDecimal target, String unit) {
    /** Longer lines are read only this far. */
    public static final int MAX_CHARS = 120;
    public static final String PERCENT = "%";
    private static final List<String> ARROWS = List.of("→", "->", "=>", "➡", "—>", " to ", "到", "至", "提升到", "提高到");

    /** How far the current value went from the baseline towards the target, 0-100 (more when past it). */
    public Optional<Integer> progressPercent() {
        BigDecimal span = target.subtract(baseline);
        if (span.signum() == 0) {
            return Optional.empty();
        }
        int p = current.subtract(baseline).multiply(BigDecimal.valueOf(100)).divide(span, 0, RoundingMode.HALF_UP).intValue();
        return Optional.of(Math.max(0, p));
    }

    /**
     * Reads a line: with an arrow, new figures (label, from, to); with one number only, a new
     * current value for {@code before}. Empty when the line holds neither.
     */
    public static Optional<Figures> read(String line, Figures before, Function<String, Optional<BigDecimal>> money) {
        String text = line == null ? "" : line.strip();
        if (text.length() > MAX_CHARS) {
            text = text.substring(0, MAX_CHARS);
        }
        String lower = text.toLowerCase(Locale.ROOT);
        for (String arrow : ARROWS) {
            int at = lower.lastIndexOf(arrow);
            if (at > 0) {
                Optional<Value> from = lastValue(text.substring(0, at), money);
                Optional<Value> to = firstValue(text.substring(at + arrow.length()), money);
                if (from.isPresent() && to.isPresent()) {
                    String label = text.substring(0, from.get().start()).strip();
                    String unit = from.get().percent() || to.get().percent() ? PERCENT : "";
                    return Optional.of(new Figures(label.isEmpty() && before != null ? before.label() : label,
                            from.get().amount(), from.get().amount(), to.get().amount(), unit));
                }
            }
        }
        if (before != null) {
            List<String> words = words(text);
            List<Value> values = new ArrayList<>();
            for (String w : words) {
                value(w, 0, money).ifPresent(values::add);
            }
            if (values.size() == 1) {
                return Optional.of(new Figures(before.label(), before.baseline(), values.get(0).amount(), before.target(),
                        before.unit()));
            }
        }
        return Optional.empty();
    }

    /** A number in a line, where it starts, and whether it was a percentage. */
    private record Value(BigDecimal amount, int start, boolean percent) {
    }

    private static Optional<Value> lastValue(String part, Function<String, Optional<BigDecimal>> money) {
        List<String> words = words(part);
        int end = part.length();
        for (int i = words.size() - 1; i >= 0; i--) {
            int start = part.lastIndexOf(words.get(i), end);
            Optional<Value> v = value(words.get(i), start, money);
            if (v.isPresent()) {
                return v;
            }
            end = Math.max(0, start - 1);
        }
        return Optional.empty();
    }

    private static Optional<Value> firstValue(String part, Function<String, Optional<BigDecimal>> money) {
        for (String w : words(part)) {
            Optional<Value> v = value(w, 0, money);
            if (v.isPresent()) {
                return v;
            }
        }
        return Optional.empty();
    }

    /** "20%", "35％", "300万", "1.2m", "40"; a word with letters around a number ("Q3") is no value. */
    private static Optional<Value> value(String word, int start, Function<String, Optional<BigDecimal>> money) {
        String w = word.strip();
        if (w.isEmpty() || w.chars().noneMatch(Character::isDigit)) {
            return Optional.empty();
        }
        if (w.endsWith("%") || w.endsWith("％")) {
            String n = w.substring(0, w.length() - 1);
            return n.matches("\\d{1,9}(\\.\\d{1,4})?") ? Optional.of(new Value(new BigDecimal(n), start, true))
                    : Optional.empty();
        }
        return money.apply(w).map(a -> new Value(a, start, false));
    }

    /** Blanks split words; so does the edge between CJK text and a number ("份额20%"). */
    private static List<String> words(String s) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        Boolean cjk = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c) || c == '\u3000' || c == ':' || c == '：' || c == ',' || c == '，') {
                flush(out, cur);
                cjk = null;
                continue;
            }
            boolean isCjk = Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN && !"万亿千百".contains(String.valueOf(c));
            if (cjk != null && cjk != isCjk) {
                flush(out, cur);
            }
            cur.append(c);
            cjk = isCjk;
        }
        flush(out, cur);
        return out;
    }

    private static void flush(List<String> out, StringBuilder cur) {
        if (cur.length() > 0) {
            out.add(cur.toString());
            cur.setLength(0);
        }
    }
}
