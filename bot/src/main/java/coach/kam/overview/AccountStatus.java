package coach.kam.overview;

import coach.kam.accounts.Account;
import coach.kam.accounts.Accounts;
import coach.kam.flows.AccountFacts;
import coach.kam.flows.Scales;
import coach.kam.knowledge.Flow;
import coach.kam.knowledge.KnowledgeBase;
import coach.kam.plans.Plans;
import coach.kam.store.Tx;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

/**
 * Queries over one account's kept records, with plain arguments: the transaction, the account and
 * the time. The chat's account card, the check-ins, the nudges and the export all read these.
 * Each reads the account's summary or its few walkthrough and plan records, never its notes.
 */
public final class AccountStatus {
    private final KnowledgeBase knowledge;
    private final Accounts accounts;
    private final AccountFacts facts;
    private final Plans plans;

    public AccountStatus(KnowledgeBase knowledge, Accounts accounts, AccountFacts facts, Plans plans) {
        this.knowledge = knowledge;
        this.accounts = accounts;
        this.facts = facts;
        this.plans = plans;
    }

    /** When the rep last recorded anything about the account (a note, a visit, a logged objection). */
    public Optional<Instant> lastContact(Tx tx, Account a) {
        return accounts.summary(tx, a).last();
    }

    /** Days between contacts the account should get: from its class, else from its tier's class. */
    public Optional<Integer> cadenceDays(Tx tx, Account a) {
        Optional<AccountFacts.Classification> c = facts.classification(tx, a);
        if (c.isPresent()) {
            return Optional.of(c.get().visitEveryDays());
        }
        Optional<Flow> classify = knowledge.flow("classify");
        return facts.latestEvaluation(tx, a).flatMap(e -> classify
                .flatMap(f -> f.classification().accountClass(e.tier())).map(Flow.AccountClass::visitEveryDays));
    }

    /** Days past the cadence at {@code now} (positive when overdue), if the account has a cadence. */
    public Optional<Long> daysPastCadence(Tx tx, Account a, Instant now) {
        Optional<Integer> cadence = cadenceDays(tx, a);
        if (cadence.isEmpty()) {
            return Optional.empty();
        }
        Instant last = lastContact(tx, a).orElse(a.createdAt());
        return Optional.of(Duration.between(last, now).toDays() - cadence.get());
    }

    /** Open plan items past their due date on {@code today}, over all the account's plans. */
    public int overdueItems(Tx tx, Account a, LocalDate today) {
        int n = 0;
        for (Plans.Plan p : plans.all(tx, a)) {
            Plans.Kind kind = Plans.Kind.valueOf(p.kind());
            n += knowledge.checklist(kind.checklistId).map(c -> plans.progress(tx, a, p, c, today).overdue()).orElse(0);
        }
        return n;
    }

    /** As {@link #overdueItems(Tx, Account, LocalDate)}, on the day {@code now} is in {@code zone}. */
    public int overdueItems(Tx tx, Account a, Instant now, ZoneId zone) {
        return overdueItems(tx, a, now.atZone(zone).toLocalDate());
    }

    /** When the account was last evaluated, if ever. */
    public Optional<Instant> lastEvaluated(Tx tx, Account a) {
        return facts.latestEvaluation(tx, a).map(AccountFacts.Evaluation::at);
    }

    /** The tier letter, or the class letter, or "–". */
    public String tierOrClass(Tx tx, Account a) {
        return facts.latestEvaluation(tx, a).map(AccountFacts.Evaluation::tier)
                .or(() -> facts.classification(tx, a).map(AccountFacts.Classification::accountClass)).orElse("–");
    }

    /** Both scales, kept apart: "🏅B 🗂1", "🏅B", "🗂1", or "–" when the account has neither. */
    public String scaleMarks(Tx tx, Account a) {
        String tier = facts.latestEvaluation(tx, a).map(e -> Scales.tierMark(e.tier())).orElse("");
        String cls = facts.classification(tx, a).map(c -> Scales.classMark(c.accountClass())).orElse("");
        String both = (tier + " " + cls).strip();
        return both.isEmpty() ? "–" : both;
    }
}
