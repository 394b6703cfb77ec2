package coach.kam.plans;

import coach.kam.accounts.Account;
import coach.kam.store.Keys;
import coach.kam.store.Table;
import coach.kam.store.Tx;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The rep's plan after the course: 3 to 5 chosen accounts, each with actions at 30, 60 and 90 days
 * (profile, needs, evaluation, and the rep's own), every action a reminder on its day. One small
 * record per rep: at most {@link #MAX_ACCOUNTS} accounts and {@link #MAX_ACTIONS} actions.
 */
public final class CoursePlans {
    public static final int MIN_ACCOUNTS = 3;
    public static final int MAX_ACCOUNTS = 5;
    public static final int MAX_ACTIONS = 40;
    public static final int MAX_TEXT = 200;
    /** The walkthroughs the plan sets for every account, with their horizon in days. */
    public static final List<String> STEPS = List.of("profile", "needs", "evaluate");
    public static final List<Integer> HORIZONS = List.of(30, 60, 90);

    /** One action: on an account, due on a day, from a walkthrough ({@code step}) or typed ({@code text}). */
    public record Action(long id, long accountId, int days, LocalDate due, String step, String text, Long reminderId,
                         boolean done) {
        Action ticked(boolean d) {
            return new Action(id, accountId, days, due, step, text, reminderId, d);
        }
    }

    /** The plan: accounts in the order they were added, and their actions. */
    public record CoursePlan(List<Long> accounts, List<Action> actions, long lastId) {
        public CoursePlan {
            accounts = accounts == null ? List.of() : List.copyOf(accounts);
            actions = actions == null ? List.of() : List.copyOf(actions);
        }

        public static final CoursePlan EMPTY = new CoursePlan(List.of(), List.of(), 0);

        public List<Action> of(long accountId) {
            return actions.stream().filter(a -> a.accountId() == accountId).toList();
        }
    }

    /** Where an action's reminder is written and cancelled (the check-in reminders). */
    public interface ReminderWriter {
        long add(Tx tx, long userId, long accountId, String text, Instant due, Instant now);

        void cancel(Tx tx, long userId, long reminderId);
    }

    private static final Table<CoursePlan> PLANS = Table.owned("course-plans", CoursePlan.class);

    /** The tables kept here, for the program's catalogue ({@code coach.kam.Catalogue}). */
    public static final List<Table<?>> TABLES = List.of(PLANS);
    private ReminderWriter reminders;

    public CoursePlans remindingWith(ReminderWriter w) {
        this.reminders = w;
        return this;
    }

    public CoursePlan get(Tx tx, long userId) {
        return tx.get(PLANS, Keys.of(userId)).orElse(CoursePlan.EMPTY);
    }

    /** What an account's default actions say in a reminder, by step, and when a day starts for the rep. */
    public interface Wording {
        String step(String step);

        Instant at(LocalDate day);
    }

    /** Adds the account with its three actions and their reminders; false when it is in or the plan is full. */
    public boolean attach(Tx tx, Account a, LocalDate today, Wording words, Instant now) {
        CoursePlan p = get(tx, a.ownerId());
        if (p.accounts().contains(a.id()) || p.accounts().size() >= MAX_ACCOUNTS) {
            return false;
        }
        List<Long> accounts = new ArrayList<>(p.accounts());
        accounts.add(a.id());
        List<Action> actions = new ArrayList<>(p.actions());
        long last = p.lastId();
        for (int i = 0; i < STEPS.size(); i++) {
            LocalDate due = today.plusDays(HORIZONS.get(i));
            Long reminder = remind(tx, a, words.step(STEPS.get(i)), words.at(due), now);
            actions.add(new Action(++last, a.id(), HORIZONS.get(i), due, STEPS.get(i), null, reminder, false));
        }
        tx.put(PLANS, Keys.of(a.ownerId()), new CoursePlan(accounts, actions, last));
        return true;
    }

    /** Takes the account out with its actions; their open reminders are cancelled. */
    public boolean detach(Tx tx, long userId, long accountId) {
        CoursePlan p = get(tx, userId);
        if (!p.accounts().contains(accountId)) {
            return false;
        }
        p.of(accountId).stream().filter(x -> !x.done() && x.reminderId() != null)
                .forEach(x -> cancel(tx, userId, x.reminderId()));
        List<Long> accounts = new ArrayList<>(p.accounts());
        accounts.remove(accountId);
        List<Action> actions = new ArrayList<>(p.actions());
        actions.removeIf(x -> x.accountId() == accountId);
        tx.put(PLANS, Keys.of(userId), new CoursePlan(accounts, actions, p.lastId()));
        return true;
    }

    /** The rep's own action on a planned account; empty when the account is not in the plan or it is full. */
    public Optional<Action> add(Tx tx, Account a, String text, LocalDate due, int days, Wording words, Instant now) {
        CoursePlan p = get(tx, a.ownerId());
        if (!p.accounts().contains(a.id()) || p.actions().size() >= MAX_ACTIONS) {
            return Optional.empty();
        }
        String t = text.strip().length() > MAX_TEXT ? text.strip().substring(0, MAX_TEXT) : text.strip();
        Long reminder = remind(tx, a, t, words.at(due), now);
        Action x = new Action(p.lastId() + 1, a.id(), days, due, null, t, reminder, false);
        List<Action> actions = new ArrayList<>(p.actions());
        actions.add(x);
        tx.put(PLANS, Keys.of(a.ownerId()), new CoursePlan(p.accounts(), actions, x.id()));
        return Optional.of(x);
    }

    /** Ticks or unticks an action; a ticked action's reminder is cancelled. */
    public Optional<Action> toggle(Tx tx, long userId, long actionId) {
        CoursePlan p = get(tx, userId);
        Optional<Action> found = p.actions().stream().filter(x -> x.id() == actionId).findFirst();
        found.ifPresent(x -> set(tx, userId, p, List.of(x), !x.done()));
        return found.map(x -> x.ticked(!x.done()));
    }

    /**
     * A walkthrough finished on an account: the plan's open action of that walkthrough on it is
     * ticked and its reminder cancelled. Returns how many were ticked.
     */
    public int completed(Tx tx, Account a, String flowId) {
        CoursePlan p = get(tx, a.ownerId());
        List<Action> open = p.of(a.id()).stream().filter(x -> !x.done() && flowId.equals(x.step())).toList();
        if (!open.isEmpty()) {
            set(tx, a.ownerId(), p, open, true);
        }
        return open.size();
    }

    /** Forgets an account being deleted. */
    public void forgetAccount(Tx tx, long userId, long accountId) {
        detach(tx, userId, accountId);
    }

    private void set(Tx tx, long userId, CoursePlan p, List<Action> which, boolean done) {
        List<Long> ids = which.stream().map(Action::id).toList();
        List<Action> actions = new ArrayList<>();
        for (Action x : p.actions()) {
            actions.add(ids.contains(x.id()) ? x.ticked(done) : x);
        }
        if (done) {
            which.stream().filter(x -> x.reminderId() != null).forEach(x -> cancel(tx, userId, x.reminderId()));
        }
        tx.put(PLANS, Keys.of(userId), new CoursePlan(p.accounts(), actions, p.lastId()));
    }

    private Long remind(Tx tx, Account a, String text, Instant at, Instant now) {
        return reminders == null || !at.isAfter(now) ? null : reminders.add(tx, a.ownerId(), a.id(), text, at, now);
    }

    private void cancel(Tx tx, long userId, long reminderId) {
        if (reminders != null) {
            reminders.cancel(tx, userId, reminderId);
        }
    }
}
