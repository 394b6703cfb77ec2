package coach.kam.conversation.walk;

import coach.kam.conversation.Turn;
import coach.kam.conversation.Voice;
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
        return line(turn.voice(), flow, m);
    }

    public static String line(Voice voice, Flow flow, Trends.Move m) {
        String lang = voice.lang();
        String date = m.since().atZone(voice.zone()).format("zh".equals(lang)
                ? DateTimeFormatter.ofPattern("M月d日") : DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH));
        String why = m.group() == null ? ""
                : voice.t(m.change() > 0 ? "walk.trend.up" : "walk.trend.down", Html.escape(Trends.groupTitle(flow, m.group(), lang)));
        return voice.t("walk.trend", m.fromTier(), m.toTier(), date, why);
    }
}
