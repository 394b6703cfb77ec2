package coach.kam.conversation.checkin;

import coach.kam.accounts.Accounts;
import coach.kam.checkin.CheckinStore;
import coach.kam.checkin.CheckinTimes;
import coach.kam.checkin.Checkins;
import coach.kam.checkin.Nudges;
import coach.kam.checkin.Reminders;
import coach.kam.checkin.Schedule;
import coach.kam.conversation.Conversation;
import coach.kam.conversation.Turn;
import coach.kam.conversation.commands.AccountOverview;
import coach.kam.overview.AccountStatus;
import coach.kam.store.Store;
import coach.kam.team.Digest;
import coach.kam.team.Team;
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
    private final Clock clock;
    private final Schedule schedule = new Schedule();
    private final Reminders reminders;
    private final Checkins checkins;
    private final Team team;
    private final Digest digest;
    private final DigestText digestText;
    private final RepTurns turns;
    private final TeamCommands teamCommands;
    private final ReminderCommands reminderCommands;
    private final CheckinCommands checkinCommands;
    private final CheckinAnswers checkinAnswers;
    private Scheduler scheduler;

    public CheckinModule(Accounts accounts, AccountOverview overview, Set<Long> managers, Clock clock) {
        this.clock = clock;
        AccountStatus status = overview.status();
        CheckinStore store = new CheckinStore();
        WhenParser when = new WhenParser(clock);
        this.reminders = new Reminders(schedule, store);
        this.checkins = new Checkins(accounts, status, store);
        this.team = new Team(managers, clock);
        this.digest = new Digest(accounts, status, checkins, team);
        this.digestText = new DigestText(digest, overview);
        CheckinTimes times = new CheckinTimes(schedule, store, team::leads);
        CheckinText text = new CheckinText(checkins);
        this.reminderCommands = new ReminderCommands(accounts, reminders, when);
        this.turns = new RepTurns(schedule, times, checkins, new Nudges(accounts, status, store), reminders, text,
                digestText, reminderCommands);
        this.teamCommands = new TeamCommands(team, digestText, turns);
        this.checkinCommands = new CheckinCommands(text, times);
        this.checkinAnswers = new CheckinAnswers(accounts, checkins, when, reminders);
    }

    /** Registers the commands; {@link #start} must follow once the conversation is built. */
    public void register(Conversation.Builder b, Store store) {
        this.scheduler = new Scheduler(store, schedule, turns, clock);
        reminderCommands.register(b);
        checkinCommands.register(b);
        checkinAnswers.register(b);
        teamCommands.register(b);
        new JoinCommands(team, turns).register(b);
    }

    /** The scheduler, bound to the built conversation. */
    public Scheduler start(Conversation conversation) {
        turns.bind(conversation);
        return scheduler;
    }

    /** Adds each rep's pipeline (totals and wins and losses, never deal notes) to the manager's digest. */
    public void withDeals(coach.kam.deals.Deals deals, coach.kam.deals.Stages stages, coach.kam.targets.Targets targets) {
        digest.withDeals(deals, stages, targets);
        checkins.withDeals(deals);
    }

    /** Where the digest's lines that need no chat turn take their words: messages' (language, key, arguments). */
    public void wording(Words words) {
        digestText.wording(words);
    }

    /** "/team chart": what draws it, given the turn. */
    public void chartingTeam(Consumer<Object> c) {
        teamCommands.charting(c);
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
        digestText.namingObjections(titles);
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
        return checkinCommands::settings;
    }
}
