package coach.kam.targets;

import coach.kam.store.Keys;
import coach.kam.store.Table;
import coach.kam.store.Tx;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A rep's target and each account's: what is sold now in a year and what should be. The plan adds
 * the accounts' planned growth and says how much of the rep's gap is still not placed on any account.
 */
public final class Targets {
    /** Now and target, for the rep or one account. */
    public record Target(BigDecimal current, BigDecimal target, Instant at) {
        public BigDecimal growth() {
            return target.subtract(current);
        }
    }

    /** The rep's gap, what the accounts' targets fill of it, and what is left. */
    public record Plan(Target rep, List<Map.Entry<Long, Target>> accounts, BigDecimal planned, BigDecimal unplanned) {
        public BigDecimal gap() {
            return rep.growth();
        }

        /** The share of the gap not yet placed on an account, in percent (0 when there is no gap). */
        public int unplannedPercent() {
            if (gap().signum() <= 0) {
                return 0;
            }
            return unplanned.max(BigDecimal.ZERO).multiply(BigDecimal.valueOf(100))
                    .divide(gap(), 0, java.math.RoundingMode.HALF_UP).intValue();
        }
    }

    /** The course's aim: double the business. */
    public static final BigDecimal DEFAULT_FACTOR = BigDecimal.valueOf(2);
    private static final Table<Target> REPS = Table.owned("targets", Target.class);
    private static final Table<Target> ACCOUNTS = Table.owned("account-targets", Target.class);

    /** The tables kept here, for the program's catalogue ({@code coach.kam.Catalogue}). */
    public static final List<Table<?>> TABLES = List.of(REPS, ACCOUNTS);

    /** Sets the rep's current sales and target; with no target given it is twice the current. */
    public Target setRep(Tx tx, long rep, BigDecimal current, BigDecimal target, Instant now) {
        Target t = new Target(current, target == null ? current.multiply(DEFAULT_FACTOR) : target, now);
        tx.put(REPS, Keys.of(rep), t);
        return t;
    }

    public Optional<Target> rep(Tx tx, long rep) {
        return tx.get(REPS, Keys.of(rep));
    }

    public Target setAccount(Tx tx, long rep, long accountId, BigDecimal current, BigDecimal target, Instant now) {
        Target t = new Target(current, target == null ? current.multiply(DEFAULT_FACTOR) : target, now);
        tx.put(ACCOUNTS, Keys.of(rep, accountId), t);
        return t;
    }

    public Optional<Target> account(Tx tx, long rep, long accountId) {
        return tx.get(ACCOUNTS, Keys.of(rep, accountId));
    }

    public void forgetAccount(Tx tx, long rep, long accountId) {
        tx.delete(ACCOUNTS, Keys.of(rep, accountId));
    }

    /** The plan, counting only accounts for which {@code exists} holds (deleted ones drop out). */
    public Optional<Plan> plan(Tx tx, long rep, java.util.function.LongPredicate exists) {
        Optional<Target> mine = rep(tx, rep);
        if (mine.isEmpty()) {
            return Optional.empty();
        }
        List<Map.Entry<Long, Target>> accounts = new ArrayList<>();
        BigDecimal planned = BigDecimal.ZERO;
        for (Map.Entry<String, Target> e : tx.entries(ACCOUNTS, Keys.under(rep)).entrySet()) {
            Optional<Long> account = Keys.number(e.getKey(), 0);
            if (account.isEmpty()) {
                continue;
            }
            long id = account.get();
            if (exists.test(id)) {
                accounts.add(Map.entry(id, e.getValue()));
                planned = planned.add(e.getValue().growth());
            }
        }
        accounts.sort((a, b) -> b.getValue().growth().compareTo(a.getValue().growth()));
        return Optional.of(new Plan(mine.get(), accounts, planned, mine.get().growth().subtract(planned)));
    }
}
