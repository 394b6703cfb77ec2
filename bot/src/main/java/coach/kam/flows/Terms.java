package coach.kam.flows;

import coach.kam.knowledge.Flow;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Payment terms typed instead of tapped: "120天", "账期90天", "月结60天", "net 60", "45 days".
 * They pick the choice of a step whose ids say days ("days-30", "days-60", "days-90-plus"): the
 * "-plus" choice for its number of days or more, else the nearest.
 */
final class Terms {
    private static final List<String> NOISE = List.of("账期", "月结", "付款", "回款", "大概", "大约", "约", "左右", "要",
            "net", "terms", "term", "payment", "about", "around", "of");
    private static final List<String> DAY_WORDS = List.of("天", "日", "days", "day", "d");

    private Terms() {
    }

    static Optional<Flow.Choice> choose(Flow.Step step, String text) {
        Optional<Integer> days = days(text);
        if (days.isEmpty()) {
            return Optional.empty();
        }
        Flow.Choice best = null;
        int bestGap = Integer.MAX_VALUE;
        for (Flow.Choice c : step.choices()) {
            int n = daysOf(c.id());
            if (n < 0) {
                continue;
            }
            if (c.id().endsWith("-plus") && days.get() >= n) {
                return Optional.of(c);
            }
            int gap = Math.abs(days.get() - n);
            if (gap < bestGap) {
                best = c;
                bestGap = gap;
            }
        }
        return Optional.ofNullable(best);
    }

    /** The number of days in a terms phrase, or empty when the text is not one. */
    static Optional<Integer> days(String typed) {
        String t = AnswerParser.normalise(typed).toLowerCase(Locale.ROOT).replace(" ", "");
        if (t.length() > 30) {
            return Optional.empty();
        }
        boolean net = t.contains("net") || t.contains("账期") || t.contains("月结");
        String before;
        do {
            before = t;
            for (String w : NOISE) {
                t = t.startsWith(w) ? t.substring(w.length()) : t.endsWith(w) ? t.substring(0, t.length() - w.length()) : t;
            }
        } while (!t.equals(before));
        boolean dayWord = false;
        for (String w : DAY_WORDS) {
            if (t.endsWith(w) && t.length() > w.length()) {
                t = t.substring(0, t.length() - w.length());
                dayWord = true;
                break;
            }
        }
        if (!dayWord && !net || t.isEmpty()) {
            return Optional.empty();
        }
        if (t.chars().allMatch(Character::isDigit)) {
            return t.length() <= 4 ? Optional.of(Integer.parseInt(t)) : Optional.empty();
        }
        return Amounts.chinese(t).filter(v -> v.compareTo(BigDecimal.valueOf(1000)) < 0).map(BigDecimal::intValue);
    }

    private static int daysOf(String id) {
        if (!id.startsWith("days-")) {
            return -1;
        }
        String rest = id.substring("days-".length());
        int end = 0;
        while (end < rest.length() && Character.isDigit(rest.charAt(end))) {
            end++;
        }
        return end == 0 ? -1 : Integer.parseInt(rest.substring(0, end));
    }
}
