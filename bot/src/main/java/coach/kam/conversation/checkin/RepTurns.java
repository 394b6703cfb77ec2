package coach.kam.conversation.checkin;

import coach.kam.checkin.CheckinStore;
import coach.kam.checkin.CheckinTimes;
import coach.kam.checkin.Checkins;
import coach.kam.checkin.Nudges;
import coach.kam.checkin.Reminders;
import coach.kam.checkin.Schedule;
import coach.kam.conversation.Button;
import coach.kam.conversation.Conversation;
import coach.kam.conversation.Reply;
import coach.kam.conversation.Session;
import coach.kam.conversation.Sessions;
import coach.kam.conversation.Turn;
import coach.kam.store.Tx;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Each rep's scheduled work as a turn of its own ({@link Conversation#inTurn}), so it renders and
 * waits for answers exactly as a command would: the due check-in, nudge, digest and reminders said
 * and collapsed into one message; messages to someone outside their turn (an invitation, a note to
 * a manager); and the sweep that keeps everyone's check-ins scheduled.
 */
final class RepTurns {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(RepTurns.class);
    private static final int MAX_ROWS = 30;

    private volatile Conversation conversation;
    private volatile Outgoing out;
    private final Schedule schedule;
    private final CheckinTimes times;
    private final Checkins checkins;
    private final Nudges nudges;
    private final Reminders reminders;
    private final CheckinText text;
    private final DigestText digest;
    private final ReminderCommands reminderCommands;

    RepTurns(Schedule schedule, CheckinTimes times, Checkins checkins, Nudges nudges, Reminders reminders,
             CheckinText text, DigestText digest, ReminderCommands reminderCommands) {
        this.schedule = schedule;
        this.times = times;
        this.checkins = checkins;
        this.nudges = nudges;
        this.reminders = reminders;
        this.text = text;
        this.digest = digest;
        this.reminderCommands = reminderCommands;
    }

    void bind(Conversation built) {
        this.conversation = built;
    }

    void sendTo(Outgoing outgoing) {
        this.out = outgoing;
    }

    /** Words in one person's language. */
    @FunctionalInterface
    interface Words {
        String t(String key, Object... args);
    }

    /**
     * Queues a message to {@code userId} in their language, in the caller's transaction (an
     * invitation, a note to a manager). False when no adapter sends yet or the chat blocked the bot.
     */
    boolean tell(Tx tx, long userId, Function<Words, Reply> make) {
        Outgoing sink = out;
        Conversation c = conversation;
        if (sink == null || c == null || !sink.reachable(userId)) {
            return false;
        }
        String lang = c.languageOf(tx, userId, null);
        sink.enqueue(tx, userId, List.of(make.apply((key, args) -> c.messages().get(lang, key, args))));
        return true;
    }

    /** Schedules a manager's Monday digest now that their team has someone in it, if it is not yet. */
    void digestFor(Tx tx, long managerId) {
        Conversation c = conversation;
        if (c != null) {
            c.inTurn(tx, managerId, turn -> times.digestFor(turn.tx(), managerId, turn.zone(), turn.now()));
        }
    }

    /** Runs one rep's due entries as one turn; true when it queued a message. */
    boolean runRep(Tx tx, long rep, List<Schedule.Entry> entries) {
        entries.forEach(e -> schedule.remove(tx, e));
        List<Reply> said = conversation.inTurn(tx, rep, turn -> entries.forEach(e -> run(turn, e)));
        Outgoing sink = out;
        if (!said.isEmpty() && sink != null && sink.reachable(rep)) {
            sink.enqueue(tx, rep, List.of(collapse(said)));
            return true;
        }
        return false;
    }

    /** Tells the rep their scheduled work was set aside as quarantine item {@code itemId}. */
    void setAside(Tx tx, long rep, long itemId) {
        Outgoing sink = out;
        if (sink != null && sink.reachable(rep)) {
            String lang = conversation.languageOf(tx, rep, null);
            sink.enqueue(tx, rep, List.of(Reply.of(conversation.messages().get(lang, "error.quarantined.scheduled",
                    itemId))));
        }
    }

    private void run(Turn turn, Schedule.Entry e) {
        // the rep's settings are made on their first scheduled turn, whatever it runs
        CheckinStore.Prefs p = times.prefs(turn.tx(), turn.userId(), turn.zone(), turn.now());
        if (e.kind() == Schedule.Kind.REMINDER) {
            reminders.due(turn.tx(), e).ifPresent(r -> turn.say(reminderCommands.due(turn, r)));
            return;
        }
        if (!CheckinTimes.current(p, e)) {
            return;
        }
        switch (e.kind()) {
            case CHECKIN -> {
                if (checkins.hasAccounts(turn.tx(), turn.userId())) {
                    text.week(turn);
                }
            }
            case NUDGE -> text.nudge(turn, nudges.take(turn.tx(), turn.userId(), p, turn.now(), turn.zone()));
            case DIGEST -> digest.weekly(turn);
            default -> {
            }
        }
        times.ran(turn.tx(), p, e.kind(), turn.zone(), turn.now());
    }

    /** Several due things for one rep go out as one message. */
    static Reply collapse(List<Reply> said) {
        if (said.size() == 1) {
            return said.get(0);
        }
        StringBuilder text = new StringBuilder();
        List<List<Button>> rows = new ArrayList<>();
        for (Reply r : said) {
            if (text.length() > 0) {
                text.append("\n\n");
            }
            text.append(r.html());
            r.buttons().stream().limit(Math.max(0, MAX_ROWS - rows.size())).forEach(rows::add);
        }
        return new Reply(text.toString(), rows);
    }

    /** Makes sure every rep has check-in settings and their next check-in and nudge are scheduled. */
    void sweep(Tx tx) {
        for (Session s : Sessions.all(tx)) {
            if (times.stale(tx, s.userId(), s.zone())) {
                Tx.Scope scope = tx.scope();
                try {
                    conversation.inTurn(scope, s.userId(), turn -> times.refresh(turn.tx(), turn.userId(), turn.zone(),
                            turn.now()));
                    scope.keep();
                } catch (Throwable e) {
                    LOG.error("cannot schedule the check-ins of rep {}; the others go on", s.userId(), e);
                }
            }
        }
    }
}
