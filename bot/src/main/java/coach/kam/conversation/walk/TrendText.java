package coach.kam.conversation.walk;

import coach.kam.conversation.Turn;
import coach.kam.flows.Trends;
import coach.kam.knowledge.Flow;
import coach.kam.text.Html;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * "B → A since 12 Aug: potential up": a trend in the rep's language and time zone, for the
 * walkthrough's summary and the account card.
 */
public final class TrendText {
    private TrendText() {
    }

    public static String line(Turn turn, Flow flow, Trends.Move m) {
        String lang = turn.lang();
        String date = m.since().atZone(turn.zone()).format("zh".equals(lang)
                ? DateTimeFormatter.ofPattern("M月d日") : DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH));
        String why = m.group() == null ? ""
                : turn.t(m.change() > 0 ? "walk.trend.up" : "walk.trend.down", Html.escape(Trends.groupTitle(flow, m.group(), lang)));
        return turn.t("walk.trend", m.fromTier(), m.toTier(), date, why);
    }
}
