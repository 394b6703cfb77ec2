package coach.kam.checkin;

import coach.kam.accounts.Account;
import coach.kam.accounts.Accounts;
import coach.kam.conversation.Button;
import coach.kam.text.Html;
import coach.kam.conversation.Turn;
import coach.kam.conversation.commands.AccountOverview;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * At most one nudge a day, grouping everything due: accounts past their cadence, overdue plan
 * items, evaluations older than a quarter. The same thing is not nudged again within a week, and
 * nothing is nudged on the check-in day (the check-in covers it).
 */
final class Nudges {
    static final int QUIET_DAYS = 7;
    static final int EVALUATION_DAYS = 90;
    private static final int MAX_LINES = 8;
    private final Accounts accounts;
    private final AccountOverview overview;
    private final CheckinStore store;

    Nudges(Accounts accounts, AccountOverview overview, CheckinStore store) {
        this.accounts = accounts;
        this.overview = overview;
        this.store = store;
    }

    void run(Turn turn, CheckinStore.Prefs prefs) {
        LocalDate today = turn.now().atZone(turn.zone()).toLocalDate();
        CheckinStore.Nudged before = store.nudged(turn.tx(), turn.userId());
        if (today.getDayOfWeek() == prefs.day() || today.equals(before.lastDay())) {
            return;
        }
        Map<String, LocalDate> items = new LinkedHashMap<>(before.items());
        List<String> lines = new ArrayList<>();
        List<List<Button>> rows = new ArrayList<>();
        for (Account a : accounts.list(turn.tx(), turn.userId())) {
            if (store.snoozed(turn.tx(), turn.userId(), a.id(), today)) {
                continue;
            }
            if (lines.size() >= MAX_LINES) {
                break;
            }
            Map<String, String> why = reasons(turn, a, today, items);
            if (!why.isEmpty()) {
                // only what is shown counts as nudged; the rest comes up again on the next nudge
                why.keySet().forEach(key -> items.put(key, today));
                lines.add("• <b>" + Html.escape(a.name()) + "</b>: " + String.join(", ", why.values()));
                rows.add(List.of(new Button(a.name(), "acc:" + a.id())));
            }
        }
        if (lines.isEmpty()) {
            return;
        }
        store.putNudged(turn.tx(), turn.userId(), new CheckinStore.Nudged(today, items));
        turn.say(turn.t("nudge.title") + "\n" + String.join("\n", lines), rows);
    }

    /** What is worth a nudge about the account and was not nudged in the last week, by item key. */
    private Map<String, String> reasons(Turn turn, Account a, LocalDate today, Map<String, LocalDate> items) {
        Map<String, String> why = new LinkedHashMap<>();
        long late = overview.daysPastCadence(turn, a).orElse(0L);
        if (late > 0 && fresh(items, "stale:" + a.id(), today)) {
            why.put("stale:" + a.id(), turn.t("nudge.stale", late));
        }
        int overdue = overview.overdueItems(turn, a);
        if (overdue > 0 && fresh(items, "overdue:" + a.id(), today)) {
            why.put("overdue:" + a.id(), turn.t("checkin.overdue", overdue));
        }
        boolean oldEvaluation = overview.lastEvaluated(turn, a)
                .map(at -> Duration.between(at, turn.now()).toDays() > EVALUATION_DAYS).orElse(false);
        if (oldEvaluation && fresh(items, "eval:" + a.id(), today)) {
            why.put("eval:" + a.id(), turn.t("nudge.evaluation"));
        }
        return why;
    }

    /** True when the item was not nudged in the last week. */
    private static boolean fresh(Map<String, LocalDate> items, String key, LocalDate today) {
        LocalDate last = items.get(key);
        return last == null || !last.plusDays(QUIET_DAYS).isAfter(today);
    }
}
