package coach.kam.conversation.commands;

import coach.kam.accounts.Account;
import coach.kam.conversation.Button;
import coach.kam.conversation.buttons.ObjectionButtons;
import coach.kam.text.Html;
import coach.kam.conversation.Reply;
import coach.kam.conversation.Turn;
import coach.kam.knowledge.Objection;
import coach.kam.objections.Match;
import coach.kam.objections.ObjectionService;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** One objection on one phone screen: what lies behind it, a script, what to ask next, and its buttons. */
final class ObjectionCard {
    private final ObjectionService objections;

    ObjectionCard(ObjectionService objections) {
        this.objections = objections;
    }

    /** {@code position} counts through the scripts in the rep's own order (what worked first). */
    Reply render(Turn turn, Objection o, String lang, int position, List<Match> others, Optional<Account> open) {
        List<Integer> order = objections.scriptOrder(turn.tx(), turn.userId(), o.id(), lang);
        int pos = Math.floorMod(position, order.size());
        int script = order.get(pos);
        String html = text(o, lang, pos, script, order.size());
        return new Reply(html, buttons(turn, o, lang, pos, script, order.size(), others, open));
    }

    /** The card showing script {@code script} (an index into the objection's scripts) wherever it stands in the rep's order. */
    Reply renderScript(Turn turn, Objection o, String lang, int script, List<Match> others, Optional<Account> open) {
        List<Integer> order = objections.scriptOrder(turn.tx(), turn.userId(), o.id(), lang);
        return render(turn, o, lang, Math.max(0, order.indexOf(script)), others, open);
    }

    /** The card's text alone, as inline mode sends it. */
    static String text(Objection o, String lang, int pos, int script, int count) {
        Objection.Text x = o.in(lang);
        boolean zh = "zh".equals(lang);
        StringBuilder out = new StringBuilder();
        out.append("💬 <b>").append(Html.escape(x.title())).append("</b>\n");
        out.append("<i>").append(zh ? "背后原因:" : "Behind it: ").append("</i>").append(Html.escape(x.behind().strip())).append("\n\n");
        out.append("<b>").append(zh ? "话术 " : "Script ").append(pos + 1).append('/').append(count).append("</b>\n");
        out.append(Html.escape(x.scripts().get(script).strip())).append("\n\n");
        out.append("<b>").append(zh ? "接着问" : "Ask next").append("</b>\n");
        x.followups().forEach(f -> out.append("• ").append(Html.escape(f.strip())).append('\n'));
        if (!x.avoid().isEmpty()) {
            out.append("\n<b>").append(zh ? "别说" : "Don't say").append("</b>\n• ").append(Html.escape(x.avoid().get(0).strip()));
        }
        return out.toString().strip();
    }

    private List<List<Button>> buttons(Turn turn, Objection o, String lang, int pos, int script, int count,
                                       List<Match> others, Optional<Account> open) {
        List<List<Button>> rows = new ArrayList<>();
        List<Button> first = new ArrayList<>();
        if (count > 1) {
            first.add(ObjectionButtons.ANOTHER.button(turn.t("btn.another.script"),
                    new ObjectionButtons.Script(o.id(), lang, (pos + 1) % count)));
        }
        String other = "zh".equals(lang) ? "en" : "zh";
        // the same script, translated: the scripts of both languages are kept in the same order
        first.add(ObjectionButtons.OTHER_LANGUAGE.button("zh".equals(other) ? "🌐 中文" : "🌐 English",
                new ObjectionButtons.Script(o.id(), other, script)));
        rows.add(first);
        for (Match m : others) {
            rows.add(List.of(ObjectionButtons.SHOW.button(turn.t("btn.close.match", m.title()), new ObjectionButtons.Show(m.id(), lang))));
        }
        String log = open.map(a -> turn.t("btn.log.to", Html.shorten(a.name(), 24))).orElse(turn.t("btn.log"));
        rows.add(List.of(ObjectionButtons.LOG.button(log, new ObjectionButtons.Log(o.id(), script))));
        rows.add(List.of(ObjectionButtons.FEEDBACK.button(turn.t("btn.worked"), new ObjectionButtons.Feedback(o.id(), lang, script, true)),
                ObjectionButtons.FEEDBACK.button(turn.t("btn.failed"), new ObjectionButtons.Feedback(o.id(), lang, script, false))));
        return rows;
    }
}
