package coach.kam.checkin;

import coach.kam.accounts.Account;
import coach.kam.accounts.Accounts;
import coach.kam.overview.AccountStatus;
import coach.kam.store.Tx;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * At most one nudge a day, grouping everything due: accounts past their cadence, overdue plan
 * items, evaluations older than a quarter. The same thing is not nudged again within a week, and
 * nothing is nudged on the check-in day (the check-in covers it).
 */
public final class Nudges {
    static final int QUIET_DAYS = 7;
    static final int EVALUATION_DAYS = 90;
    private static final int MAX_LINES = 8;
    private final Accounts accounts;
    private final AccountStatus status;
    private final CheckinStore store;

    /** Why an account is nudged. */
    public enum Reason { STALE, OVERDUE, EVALUATION }

    /** One reason, with its number: days past the cadence, overdue items (0 for an old evaluation). */
    public record Why(Reason reason, long count) {
    }

    /** An account worth a nudge, and why. */
    public record Line(Account account, List<Why> why) {
    }

    public Nudges(Accounts accounts, AccountStatus status, CheckinStore store) {
        this.accounts = accounts;
        this.status = status;
        this.store = store;
    }

    /**
     * Today's nudge for the rep, at most {@value #MAX_LINES} accounts, and marks what it names as
     * nudged; empty on the check-in day, when one went out today, or when nothing is due.
     */
    public List<Line> take(Tx tx, long rep, CheckinStore.Prefs prefs, Instant now, ZoneId zone) {
        LocalDate today = now.atZone(zone).toLocalDate();
        CheckinStore.Nudged before = store.nudged(tx, rep);
        if (today.getDayOfWeek() == prefs.day() || today.equals(before.lastDay())) {
            return List.of();
        }
        Map<String, LocalDate> items = new LinkedHashMap<>(before.items());
        List<Line> lines = new ArrayList<>();
        for (Account a : accounts.list(tx, rep)) {
            if (store.snoozed(tx, rep, a.id(), today)) {
                continue;
            }
            if (lines.size() >= MAX_LINES) {
                break;
            }
            Map<String, Why> why = reasons(tx, a, now, zone, today, items);
            if (!why.isEmpty()) {
                // only what is shown counts as nudged; the rest comes up again on the next nudge
                why.keySet().forEach(key -> items.put(key, today));
                lines.add(new Line(a, List.copyOf(why.values())));
            }
        }
        if (!lines.isEmpty()) {
            store.putNudged(tx, rep, new CheckinStore.Nudged(today, items));
        }
        return lines;
    }

    /** What is worth a nudge about the account and was not nudged in the last week, by item key. */
    private Map<String, Why> reasons(Tx tx, Account a, Instant now, ZoneId zone, LocalDate today,
                                     Map<String, LocalDate> items) {
        Map<String, Why> why = new LinkedHashMap<>();
        long late = status.daysPastCadence(tx, a, now).orElse(0L);
        if (late > 0 && fresh(items, "stale:" + a.id(), today)) {
            why.put("stale:" + a.id(), new Why(Reason.STALE, late));
        }
        int overdue = status.overdueItems(tx, a, now, zone);
        if (overdue > 0 && fresh(items, "overdue:" + a.id(), today)) {
            why.put("overdue:" + a.id(), new Why(Reason.OVERDUE, overdue));
        }
        boolean oldEvaluation = status.lastEvaluated(tx, a)
                .map(at -> Duration.between(at, now).toDays() > EVALUATION_DAYS).orElse(false);
        if (oldEvaluation && fresh(items, "eval:" + a.id(), today)) {
            why.put("eval:" + a.id(), new Why(Reason.EVALUATION, 0));
        }
        return why;
    }

    /** True when the item was not nudged in the last week. */
    private static boolean fresh(Map<String, LocalDate> items, String key, LocalDate today) {
        LocalDate last = items.get(key);
        return last == null || !last.plusDays(QUIET_DAYS).isAfter(today);
    }
}
