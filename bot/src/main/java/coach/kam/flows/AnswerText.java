package coach.kam.flows;

import coach.kam.text.Html;
import coach.kam.knowledge.Flow;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** An answer as a rep reads it back, escaped for the reply's HTML. */
public final class AnswerText {
    private AnswerText() {
    }

    public static String of(Flow.Step step, Answer a, String lang, int maxChars) {
        if (a == null) {
            return "—";
        }
        return switch (step.type()) {
            case CHOICE -> step.choice(a.value()).map(c -> Html.escape(c.label(lang)))
                    .orElse(Html.escape(Html.shorten(a.value(), maxChars)));
            case MULTI -> Html.escape(String.join(", ", a.ids().stream()
                    .map(id -> step.choice(id).map(c -> c.label(lang)).orElse(id)).toList()));
            case SCORE -> a.value() + "/5";
            case NUMBER -> a.value() + (step.unit() == null ? "" : " " + Html.escape(step.unit().in(lang)));
            case MONEY -> money(a.value(), lang);
            case PERSON -> person(a, lang);
            default -> Html.escape(Html.shorten(a.value(), maxChars));
        };
    }

    static String money(String value, String lang) {
        BigDecimal v;
        try {
            v = new BigDecimal(value);
        } catch (NumberFormatException e) {
            return Html.escape(value);
        }
        if ("zh".equals(lang)) {
            if (v.abs().compareTo(BigDecimal.valueOf(100_000_000)) >= 0) {
                return scaled(v, 100_000_000) + "亿";
            }
            return v.abs().compareTo(BigDecimal.valueOf(10_000)) >= 0 ? scaled(v, 10_000) + "万" : v.toPlainString();
        }
        if (v.abs().compareTo(BigDecimal.valueOf(1_000_000_000)) >= 0) {
            return scaled(v, 1_000_000_000) + "bn";
        }
        if (v.abs().compareTo(BigDecimal.valueOf(1_000_000)) >= 0) {
            return scaled(v, 1_000_000) + "m";
        }
        return v.abs().compareTo(BigDecimal.valueOf(1_000)) >= 0 ? scaled(v, 1_000) + "k" : v.toPlainString();
    }

    private static String scaled(BigDecimal v, long by) {
        return v.divide(BigDecimal.valueOf(by), 2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    private static String person(Answer a, String lang) {
        if (a.person() == null) {
            return Html.escape(a.value());
        }
        StringBuilder out = new StringBuilder(Html.escape(a.person().name()));
        if (a.person().title() != null && !a.person().title().isBlank()) {
            out.append(" (").append(Html.escape(a.person().title())).append(')');
        }
        if (a.person().stance() != null) {
            out.append(" · ").append(Stances.label(a.person().stance(), lang));
        }
        return out.toString();
    }
}
