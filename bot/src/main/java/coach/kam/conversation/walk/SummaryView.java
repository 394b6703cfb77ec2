package coach.kam.conversation.walk;

import coach.kam.accounts.Account;
import coach.kam.conversation.Button;
import coach.kam.conversation.Dialog;
import coach.kam.conversation.Turn;
import coach.kam.flows.AnswerText;
import coach.kam.flows.Results;
import coach.kam.flows.Scales;
import coach.kam.flows.Scoring;
import coach.kam.flows.Trends;
import coach.kam.flows.Walkthrough;
import coach.kam.knowledge.Flow;
import coach.kam.text.Html;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The summary at the end of a walkthrough: every answer with an edit button, then what the answers
 * make of the account (the evaluation with its reasons and trend, or the class and its cadence).
 */
final class SummaryView {
    private static final int PROMPT_CHARS = 28;
    private final Results results;

    SummaryView(Results results) {
        this.results = results;
    }

    void show(Turn turn, Flow flow, Dialog d, Account account) {
        String lang = turn.lang();
        StringBuilder out = new StringBuilder(turn.t("walk.summary.title",
                Html.escape(flow.title().in(lang)), Html.escape(account.name())));
        List<Button> edits = new ArrayList<>();
        int n = 0;
        for (Flow.Step s : flow.steps()) {
            if (!Walkthrough.applies(s, d.answers())) {
                continue;
            }
            n++;
            out.append('\n').append(n).append(". ").append(Html.escape(Html.shorten(s.prompt().in(lang), PROMPT_CHARS)))
                    .append(" <b>").append(AnswerText.of(s, d.answers().get(s.id()), lang, 80)).append("</b>");
            edits.add(turn.choice(d, "✏️ " + n, "e", s.id()));
        }
        outcome(turn, flow, d, account).ifPresent(o -> out.append("\n\n").append(o));
        List<List<Button>> rows = new ArrayList<>();
        for (int i = 0; i < edits.size(); i += 5) {
            rows.add(edits.subList(i, Math.min(edits.size(), i + 5)));
        }
        rows.add(List.of(turn.choice(d, turn.t("walk.btn.finish"), "fin", null)));
        turn.say(out.toString(), rows);
    }

    private Optional<String> outcome(Turn turn, Flow flow, Dialog d, Account account) {
        String lang = turn.lang();
        if (flow.scoring() != null) {
            Scoring.Result r = Scoring.evaluate(flow.scoring(), d.answers());
            if (r == null) {
                return Optional.of(turn.t("walk.eval.none"));
            }
            return Optional.of(evaluationText(turn, flow, r, trend(turn, flow, account, d.id(), r)));
        }
        if (flow.classification() != null) {
            return Results.classOf(flow, d.answers()).map(c -> turn.t("walk.class.result", Scales.classNumber(c.id()),
                    Html.escape(c.title().in(lang)), c.visitEveryDays(), c.reviewEveryDays()) + "\n" + Html.escape(c.advice().in(lang)));
        }
        return Optional.empty();
    }

    private String evaluationText(Turn turn, Flow flow, Scoring.Result r, String trend) {
        String lang = turn.lang();
        Flow.Strategy strategy = flow.scoring().strategies().get(r.strategy());
        StringBuilder out = new StringBuilder(turn.t("walk.eval.result", r.score(), r.tier(),
                Html.escape(strategy.name(lang))));
        if (!r.drivers().isEmpty()) {
            out.append('\n').append(turn.t("walk.eval.why"));
            r.drivers().forEach(id -> out.append("\n• ").append(driver(flow, id, r, lang)));
        }
        if (!trend.isEmpty()) {
            out.append('\n').append(trend);
        }
        if (strategy.advice() != null) {
            out.append("\n\n").append(Html.escape(strategy.advice().in(lang)));
        }
        return out.toString();
    }

    /** A driving answer in the words of its anchor: "Up more than 30% (5/5)". */
    private static String driver(Flow flow, String stepId, Scoring.Result r, String lang) {
        return flow.step(stepId).map(s -> {
            String group = s.group() == null ? "" : s.group().in(lang) + ": ";
            return Html.escape(group) + Html.escape(Html.shorten(s.anchors().get(r.scores().get(stepId)).in(lang), 48))
                    + " (" + r.scores().get(stepId) + "/5)";
        }).orElse(Html.escape(stepId));
    }

    /** "B → A since 12 Aug: potential up", against the evaluation before this run. */
    private String trend(Turn turn, Flow flow, Account account, long run, Scoring.Result now) {
        return results.evaluationBefore(turn.tx(), account, run)
                .map(before -> TrendText.line(turn, flow, Trends.between(before, now.tier(), now.groups())))
                .orElse("");
    }
}
