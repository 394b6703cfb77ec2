package coach.kam.flows;

import coach.kam.accounts.Account;
import coach.kam.store.Keys;
import coach.kam.store.Table;
import coach.kam.store.Tx;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the walkthroughs learned about an account: the fields their steps fill (with the flow and
 * its version), the evaluations with their dates, and the class with its cadence.
 */
public final class AccountFacts {
    /** One filled field: the answer, and which flow version and step gave it. */
    public record Field(String flow, int version, String step, Answer answer, Instant at) {
    }

    /** Every field of one account, by field name. */
    public record Fields(Map<String, Field> fields) {
        public Fields {
            fields = fields == null ? Map.of() : Map.copyOf(fields);
        }
    }

    /** One evaluation, kept with its run so editing it from the summary replaces it. */
    public record Evaluation(long run, Instant at, int score, String tier, String strategy,
                             Map<String, Integer> groups, List<String> drivers) {
    }

    /** The class from the classification walkthrough and the cadence it sets. */
    public record Classification(String accountClass, int visitEveryDays, int reviewEveryDays, Instant at) {
    }

    private static final Table<Fields> FIELDS = Table.owned("account-fields", Fields.class);
    private static final Table<Evaluation> EVALUATIONS = Table.owned("evaluations", Evaluation.class);
    private static final Table<Classification> CLASSES = Table.owned("account-classes", Classification.class);

    /** The tables kept here, for the program's catalogue ({@code coach.kam.Catalogue}). */
    public static final List<Table<?>> TABLES = List.of(FIELDS, EVALUATIONS, CLASSES);

    public Fields fields(Tx tx, Account a) {
        return tx.get(FIELDS, key(a)).orElse(new Fields(Map.of()));
    }

    public Optional<Field> field(Tx tx, Account a, String name) {
        return Optional.ofNullable(fields(tx, a).fields().get(name));
    }

    public void putFields(Tx tx, Account a, Map<String, Field> changed) {
        Map<String, Field> all = new LinkedHashMap<>(fields(tx, a).fields());
        all.putAll(changed);
        tx.put(FIELDS, key(a), new Fields(all));
    }

    public void putEvaluation(Tx tx, Account a, Evaluation e) {
        tx.put(EVALUATIONS, Keys.of(a.ownerId(), a.id(), e.run()), e);
    }

    /** Newest first. */
    public List<Evaluation> evaluations(Tx tx, Account a) {
        return tx.withPrefix(EVALUATIONS, Keys.under(a.ownerId(), a.id())).stream()
                .sorted(Comparator.comparing(Evaluation::at).thenComparingLong(Evaluation::run).reversed()).toList();
    }

    public Optional<Evaluation> latestEvaluation(Tx tx, Account a) {
        return evaluations(tx, a).stream().findFirst();
    }

    public void putClassification(Tx tx, Account a, Classification c) {
        tx.put(CLASSES, key(a), c);
    }

    public Optional<Classification> classification(Tx tx, Account a) {
        return tx.get(CLASSES, key(a));
    }

    /** Forgets everything about the account (when it is deleted). */
    public void clear(Tx tx, Account a) {
        tx.delete(FIELDS, key(a));
        tx.delete(CLASSES, key(a));
        for (Evaluation e : evaluations(tx, a)) {
            tx.delete(EVALUATIONS, Keys.of(a.ownerId(), a.id(), e.run()));
        }
    }

    private static String key(Account a) {
        return Keys.of(a.ownerId(), a.id());
    }
}
