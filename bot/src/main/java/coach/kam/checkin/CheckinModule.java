package coach.kam.checkin;

import coach.kam.accounts.Accounts;
import coach.kam.conversation.Conversation;
import coach.kam.conversation.Turn;
import coach.kam.conversation.commands.AccountOverview;
import coach.kam.store.Store;
import coach.kam.when.WhenParser;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Check-ins, reminders, nudges and the team digest, wired once: the commands register with the
 * conversation, and the {@link Scheduler} is built when the conversation is.
 */
public final class CheckinModule {
    private final Accounts accounts;
    private final AccountOverview overview;
    private final Clock clock;
    private final Schedule schedule = new Schedule();
    private final CheckinStore store = new CheckinStore();
    private final Reminders reminders = new Reminders(schedule);
    private final WhenParser when;
    private final Checkins checkins;
    private final Nudges nudges;
    private final Team team;
    private final ReminderCommands reminderCommands;
    private Scheduler scheduler;
    private CheckinCommands checkinCommands;

    public CheckinModule(Accounts accounts, AccountOverview overview, Set<Long> managers, Clock clock) {
        this.accounts = accounts;
        this.overview = overview;
        this.clock = clock;
        this.when = new WhenParser(clock);
        this.checkins = new Checkins(accounts, overview, store);
        this.nudges = new Nudges(accounts, overview, store);
        this.team = new Team(managers, accounts, overview, store, clock);
        this.reminderCommands = new ReminderCommands(accounts, reminders, when, store);
    }

    /** Registers the commands; {@link #start} must follow once the conversation is built. */
    public void register(Conversation.Builder b, Store store) {
        this.scheduler = new Scheduler(store, null, schedule, this.store, checkins, nudges, team, reminders,
                reminderCommands, clock);
        team.mailVia(scheduler);
        this.checkinCommands = new CheckinCommands(accounts, checkins, this.store, scheduler, when, reminders);
        reminderCommands.register(b);
        checkinCommands.register(b);
        team.register(b);
    }

    /** The scheduler, bound to the built conversation. */
    public Scheduler start(Conversation conversation) {
        scheduler.bind(conversation);
        return scheduler;
    }

    /** Adds each rep's pipeline (totals and wins and losses, never deal notes) to the manager's digest. */
    public void withDeals(coach.kam.deals.Deals deals, coach.kam.deals.Stages stages, coach.kam.targets.Targets targets) {
        team.withDeals(deals, stages, targets);
        checkins.withDeals(deals);
    }

    /** Where the digest's lines that need no chat turn take their words: messages' (language, key, arguments). */
    public void wording(Words words) {
        team.wording(words::get);
    }

    /** "/team chart": what draws it, given the turn. */
    public void chartingTeam(java.util.function.Consumer<Object> c) {
        team.charting(c);
    }

    /** The reps a manager follows (id, name), in id order; empty for anyone who is not a manager. */
    public java.util.List<java.util.Map.Entry<Long, String>> reps(coach.kam.store.Tx tx, long managerId) {
        return team.reps(tx, managerId);
    }

    /** Message text by (language, key, arguments). */
    public interface Words {
        String get(String lang, String key, Object... args);
    }

    /** Names, in the digest, the objections that lost deals' reasons read as: (objection id, language) to title. */
    public void namingObjections(java.util.function.BiFunction<String, String, String> titles) {
        team.namingObjections(titles);
    }

    /** Sets a reminder for the rep (as /remind does), on an account; its id. */
    public long addReminder(coach.kam.store.Tx tx, long userId, long accountId, String text, java.time.Instant due,
                            java.time.Instant now) {
        return reminders.add(tx, userId, accountId, text, due, now).id();
    }

    /** Cancels or opens again a reminder, as undo and redo do; its text, or empty when it is gone or done. */
    public Optional<String> setReminderOpen(coach.kam.store.Tx tx, long userId, long reminderId, boolean open) {
        return reminders.setOpen(tx, userId, reminderId, open);
    }

    /** Whether a rep lets their manager export their note texts (/team share). */
    public java.util.function.BiPredicate<coach.kam.store.Tx, Long> sharesNotes() {
        return team::shares;
    }

    /** The check-in line of /settings. */
    public Consumer<Turn> settings() {
        return turn -> checkinCommands.settings(turn);
    }
}
