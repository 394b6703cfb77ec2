package coach.kam.conversation.commands;

import coach.kam.text.Html;
import coach.kam.conversation.Turn;
import coach.kam.plans.Figures;

/** How a plan item's numbers read: label, from → to, where it stands and how far along. */
final class PlanFigureText {
    private PlanFigureText() {
    }

    /** "📊 份额 20% → 35% · 现在 28% · 进度 53%"; the item's own words stand in for a missing label. */
    static String line(Turn turn, Figures f, String itemText) {
        String label = f.label() == null || f.label().isBlank() ? Html.shorten(itemText, 30) : f.label();
        String progress = f.progressPercent().map(p -> " " + turn.t("plan.figures.progress", p)).orElse("");
        return turn.t("plan.figures", Html.escape(label), number(turn, f.baseline(), f.unit()),
                number(turn, f.target(), f.unit()), number(turn, f.current(), f.unit())) + progress;
    }

    private static String number(Turn turn, java.math.BigDecimal n, String unit) {
        if (Figures.PERCENT.equals(unit)) {
            return n.stripTrailingZeros().toPlainString() + "%";
        }
        return n.scale() > 0 && n.compareTo(java.math.BigDecimal.valueOf(100)) < 0 ? n.stripTrailingZeros().toPlainString()
                : coach.kam.deals.Forecast.amount(n, turn.lang());
    }
}
