package coach.kam.flows;

import coach.kam.accounts.Account;
import coach.kam.knowledge.Flow;
import coach.kam.store.Tx;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What a walkthrough leaves on the account once its last step is answered: the fields, the
 * evaluation or the class. Saved again after every edit from the summary, so the account always
 * shows what the summary shows.
 */
public final class Results {
    private final AccountFacts facts;
    private Completed completed = (tx, account, flowId) -> { };

    public Results(AccountFacts facts) {
        this.facts = facts;
    }

    /** Told when a walkthrough's results are saved on an account (its last step answered, or an edit since). */
    public interface Completed {
        void completed(Tx tx, Account account, String flowId);
    }

    /** What else a finished walkthrough does (the after-course plan ticks its matching action). */
    public void whenCompleted(Completed c) {
        this.completed = c;
    }

    /** Saves run {@code run} (started on flow version {@code version}) with its answers on the account. */
    public void save(Tx tx, Account account, Flow flow, long run, int version, Map<String, Answer> answers, Instant now) {
        Map<String, AccountFacts.Field> fields = new LinkedHashMap<>();
        for (Flow.Step s : flow.steps()) {
            Answer a = answers.get(s.id());
            if (a != null && Walkthrough.applies(s, answers)) {
                fields.put(s.field(), new AccountFacts.Field(flow.id(), version, s.id(), a, now));
            }
        }
        facts.putFields(tx, account, fields);
        if (flow.scoring() != null) {
            Scoring.Result r = Scoring.evaluate(flow.scoring(), answers);
            if (r != null) {
                facts.putEvaluation(tx, account, new AccountFacts.Evaluation(run, now, r.score(),
                        r.tier(), r.strategy(), r.groups(), r.drivers()));
            }
        }
        if (flow.classification() != null) {
            classOf(flow, answers).ifPresent(c -> facts.putClassification(tx, account,
                    new AccountFacts.Classification(c.id(), c.visitEveryDays(), c.reviewEveryDays(), now)));
        }
        completed.completed(tx, account, flow.id());
    }

    /** The class the classification matrix gives for the answers, if both of its answers are there. */
    public static Optional<Flow.AccountClass> classOf(Flow flow, Map<String, Answer> answers) {
        Flow.Classification c = flow.classification();
        Answer row = answers.get(c.rows());
        Answer col = answers.get(c.columns());
        if (row == null || col == null || c.matrix().get(row.value()) == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(c.matrix().get(row.value()).get(col.value())).flatMap(c::accountClass);
    }

    /** The account's newest evaluation other than the one of run {@code run}: what a trend compares with. */
    public Optional<AccountFacts.Evaluation> evaluationBefore(Tx tx, Account account, long run) {
        return facts.evaluations(tx, account).stream().filter(e -> e.run() != run).findFirst();
    }
}
