package coach.kam.flows;

import coach.kam.accounts.Account;
import coach.kam.conversation.Button;
import coach.kam.conversation.Dialog;
import coach.kam.text.Html;
import coach.kam.conversation.Turn;
import coach.kam.knowledge.Flow;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a walkthrough leaves on the account once its last step is answered: the fields, the
 * evaluation or the class. Saved again after every edit from the summary, so the account always
 * shows what the summary shows.
 */
final class Results {
    private static final int PROMPT_CHARS = 28;
    private final AccountFacts facts;

    Results(AccountFacts facts) {
        this.facts = facts;
    }

    /** Told when a walkthrough's results are saved on an account (its last step answered, or an edit since). */
    interface Completed {
        void completed(coach.kam.store.Tx tx, Account account, String flowId);
    }

    private Completed completed = (tx, account, flowId) -> { };

    void whenCompleted(Completed c) {
        this.completed = c;
    }

    void save(Turn turn, Flow flow, Dialog d, Account account) {
        coach.kam.store.Tx tx = turn.tx();
        java.time.Instant now = turn.now();
        Map<String, AccountFacts.Field> fields = new LinkedHashMap<>();
        for (Flow.Step s : flow.steps()) {
            Dialog.Answer a = d.answers().get(s.id());
            if (a != null && Walkthrough.applies(s, d)) {
                fields.put(s.field(), new AccountFacts.Field(flow.id(), d.version(), s.id(), a, now));
            }
        }
        facts.putFields(tx, account, fields);
        if (flow.scoring() != null) {
            Scoring.Result r = Scoring.evaluate(flow.scoring(), d.answers());
            if (r != null) {
                facts.putEvaluation(tx, account, new AccountFacts.Evaluation(d.id(), now, r.score(),
                        r.tier(), r.strategy(), r.groups(), r.drivers()));
            }
        }
        if (flow.classification() != null) {
            classOf(flow, d).ifPresent(c -> facts.putClassification(tx, account,
                    new AccountFacts.Classification(c.id(), c.visitEveryDays(), c.reviewEveryDays(), now)));
        }
        completed.completed(tx, account, flow.id());
    }

    static Optional<Flow.AccountClass> classOf(Flow flow, Dialog d) {
        Flow.Classification c = flow.classification();
        Dialog.Answer row = d.answers().get(c.rows());
        Dialog.Answer col = d.answers().get(c.columns());
        if (row == null || col == null || c.matrix().get(row.value()) == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(c.matrix().get(row.value()).get(col.value())).flatMap(c::accountClass);
    }

    void showSummary(Turn turn, Flow flow, Dialog d, Account account) {
        String lang = turn.lang();
        StringBuilder out = new StringBuilder(turn.t("walk.summary.title",
                Html.escape(flow.title().in(lang)), Html.escape(account.name())));
        List<Button> edits = new ArrayList<>();
        int n = 0;
        for (Flow.Step s : flow.steps()) {
            if (!Walkthrough.applies(s, d)) {
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
            return classOf(flow, d).map(c -> turn.t("walk.class.result", Scales.classNumber(c.id()), Html.escape(c.title().in(lang)),
                    c.visitEveryDays(), c.reviewEveryDays()) + "\n" + Html.escape(c.advice().in(lang)));
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
    String trend(Turn turn, Flow flow, Account account, long run, Scoring.Result now) {
        Optional<AccountFacts.Evaluation> before = facts.evaluations(turn.tx(), account).stream()
                .filter(e -> e.run() != run).findFirst();
        if (before.isEmpty()) {
            return "";
        }
        return Trends.line(turn, flow, before.get(), now.tier(), now.groups());
    }

}
