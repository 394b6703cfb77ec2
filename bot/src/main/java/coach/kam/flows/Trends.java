package coach.kam.flows;

import coach.kam.text.Html;
import coach.kam.conversation.Turn;
import coach.kam.knowledge.Flow;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

/** "B → A since 12 Aug: potential up": how an account moved since its evaluation before. */
public final class Trends {
    private Trends() {
    }

    public static String line(Turn turn, Flow flow, AccountFacts.Evaluation before, AccountFacts.Evaluation now) {
        return line(turn, flow, before, now.tier(), now.groups());
    }

    static String line(Turn turn, Flow flow, AccountFacts.Evaluation before, String tier, Map<String, Integer> groups) {
        String lang = turn.lang();
        String biggest = null;
        int change = 0;
        for (var g : groups.entrySet()) {
            int d = g.getValue() - before.groups().getOrDefault(g.getKey(), g.getValue());
            if (Math.abs(d) > Math.abs(change)) {
                change = d;
                biggest = g.getKey();
            }
        }
        String date = before.at().atZone(turn.zone()).format("zh".equals(lang)
                ? DateTimeFormatter.ofPattern("M月d日") : DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH));
        String why = "";
        if (biggest != null) {
            String id = biggest;
            String name = flow.scoring().groups().stream().filter(g -> g.id().equals(id)).findFirst()
                    .map(g -> g.title().in(lang)).orElse(id);
            why = turn.t(change > 0 ? "walk.trend.up" : "walk.trend.down", Html.escape(name));
        }
        return turn.t("walk.trend", before.tier(), tier, date, why);
    }
}
