package coach.kam.conversation.walk;

import coach.kam.conversation.Button;
import coach.kam.conversation.Dialog;
import coach.kam.conversation.Turn;
import coach.kam.flows.Answer;
import coach.kam.flows.AnswerText;
import coach.kam.flows.Stances;
import coach.kam.knowledge.Flow;
import coach.kam.text.Html;
import java.util.ArrayList;
import java.util.List;

/**
 * How a step looks on a phone: where the rep is, the question, what a good answer looks like, and
 * the answer buttons first in their written order, then back, skip and cancel.
 */
final class StepView {
    private StepView() {
    }

    static void ask(Turn turn, Flow flow, Dialog d, String accountName) {
        Flow.Step step = flow.step(d.step()).orElseThrow();
        String lang = turn.lang();
        StringBuilder out = new StringBuilder();
        out.append("<b>").append(Html.escape(flow.title().in(lang))).append(" · ").append(Html.escape(accountName))
                .append("</b> ").append(flow.indexOf(step.id()) + 1).append('/').append(flow.steps().size());
        if (step.group() != null) {
            out.append(" · <i>").append(Html.escape(step.group().in(lang))).append("</i>");
        }
        out.append("\n\n").append(Html.escape(step.prompt().in(lang)));
        if (step.type() == Flow.Kind.SCORE) {
            for (int i = 1; i <= 5; i++) {
                out.append('\n').append(i).append(" — ").append(Html.escape(step.anchors().get(i).in(lang)));
            }
        }
        if (step.hint() != null) {
            out.append("\n💡 <i>").append(Html.escape(step.hint().in(lang))).append("</i>");
        }
        String how = howToAnswer(turn, step, d);
        if (!how.isEmpty()) {
            out.append('\n').append(how);
        }
        Answer current = d.answers().get(step.id());
        if (current != null && !"stance".equals(d.context().get("phase"))) {
            out.append('\n').append(turn.t("walk.current", AnswerText.of(step, current, lang, 200)));
        }
        turn.say(out.toString(), buttons(turn, step, d));
    }

    private static String howToAnswer(Turn turn, Flow.Step step, Dialog d) {
        if ("stance".equals(d.context().get("phase"))) {
            return turn.t("walk.how.stance", Html.escape(d.answers().get(step.id()).person().name()));
        }
        return switch (step.type()) {
            case MULTI -> turn.t("walk.how.multi");
            case NUMBER -> step.unit() == null ? turn.t("walk.how.number")
                    : turn.t("walk.how.number.unit", Html.escape(step.unit().in(turn.lang())));
            case MONEY -> turn.t("walk.how.money");
            case DATE -> turn.t("walk.how.date");
            case PERSON -> turn.t("walk.how.person");
            case CHOICE -> step.allowsOther() ? turn.t("walk.how.other") : "";
            default -> "";
        };
    }

    static List<List<Button>> buttons(Turn turn, Flow.Step step, Dialog d) {
        List<List<Button>> rows = new ArrayList<>();
        String lang = turn.lang();
        if ("stance".equals(d.context().get("phase"))) {
            Stances.IDS.forEach(s -> rows.add(List.of(turn.choice(d, Stances.label(s, lang), "st", s))));
        } else if (step.type() == Flow.Kind.CHOICE) {
            pairs(rows, step.choices().stream().map(c -> turn.choice(d, c.label(lang), "c", c.id())).toList());
        } else if (step.type() == Flow.Kind.MULTI) {
            List<String> picked = picked(d);
            pairs(rows, step.choices().stream().map(c -> turn.choice(d,
                    (picked.contains(c.id()) ? "✅ " : "") + c.label(lang), "m", c.id())).toList());
            rows.add(List.of(turn.choice(d, turn.t("walk.btn.done"), "ok", null)));
        } else if (step.type() == Flow.Kind.SCORE) {
            List<Button> row = new ArrayList<>();
            for (int i = 1; i <= 5; i++) {
                row.add(turn.choice(d, Integer.toString(i), "c", Integer.toString(i)));
            }
            rows.add(row);
        }
        rows.add(List.of(turn.choice(d, turn.t("walk.btn.back"), "back", null),
                turn.choice(d, turn.t("walk.btn.skip"), "skip", null),
                turn.choice(d, turn.t("walk.btn.cancel"), "x", null)));
        return rows;
    }

    /** The choices ticked so far on a multi-choice step. */
    static List<String> picked(Dialog d) {
        String p = d.context().get("picked");
        if (p == null) {
            Answer a = d.answers().get(d.step());
            return a == null ? List.of() : a.ids();
        }
        return p.isEmpty() ? List.of() : List.of(p.split(","));
    }

    private static void pairs(List<List<Button>> rows, List<Button> buttons) {
        boolean longLabels = buttons.stream().anyMatch(b -> b.label().length() > 14);
        int per = longLabels ? 1 : 2;
        for (int i = 0; i < buttons.size(); i += per) {
            rows.add(buttons.subList(i, Math.min(buttons.size(), i + per)));
        }
    }
}
