package coach.kam.checkin;

import coach.kam.conversation.Button;
import coach.kam.conversation.Conversation;
import coach.kam.conversation.Reply;
import coach.kam.conversation.Session;
import coach.kam.conversation.Sessions;
import coach.kam.conversation.Turn;
import coach.kam.quarantine.Quarantine;
import coach.kam.store.Store;
import coach.kam.store.Tx;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs what fell due: weekly check-ins, reminders, daily nudges and managers' digests. Each run
 * reads the due entries, lets each rep's work speak in a turn of its own, and hands one message per
 * rep to the send queue in the same transaction that removes the entries and schedules the next
 * ones; so what fell due while the bot was down goes out once after a restart, collapsed per rep.
 */
public final class Scheduler {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Scheduler.class);
    /** Reps handled per transaction, so one run never holds the store for long. */
    static final int BATCH = 200;
    static final Duration SWEEP_EVERY = Duration.ofMinutes(10);
    private static final int MAX_ROWS = 30;

    private final Store store;
    private volatile Conversation conversation;
    private final Schedule schedule;
    private final CheckinStore prefsStore;
    private final Checkins checkins;
    private final Nudges nudges;
    private final Team team;
    private final Reminders reminders;
    private final ReminderCommands reminderCommands;
    private final Clock clock;
    private volatile Outgoing out;
    private Instant lastSweep;

    Scheduler(Store store, Conversation conversation, Schedule schedule, CheckinStore prefsStore, Checkins checkins,
              Nudges nudges, Team team, Reminders reminders, ReminderCommands reminderCommands, Clock clock) {
        this.store = store;
        this.conversation = conversation;
        this.schedule = schedule;
        this.prefsStore = prefsStore;
        this.checkins = checkins;
        this.nudges = nudges;
        this.team = team;
        this.reminders = reminders;
        this.reminderCommands = reminderCommands;
        this.clock = clock;
    }

    void bind(Conversation built) {
        this.conversation = built;
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
    boolean tell(Tx tx, long userId, java.util.function.Function<Words, Reply> make) {
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
        if (c == null) {
            return;
        }
        c.inTurn(tx, managerId, turn -> {
            CheckinStore.Prefs p = prefs(turn);
            if (p.nextDigest() == null) {
                setWeekly(turn, p.day(), p.time());
            }
        });
    }

    /** Where due messages go; set by the adapter that runs (the send queue, or the console). */
    public void sendTo(Outgoing outgoing) {
        this.out = outgoing;
    }

    /**
     * Runs {@link #runDue} now and then every {@code period} on a thread of its own, then {@code after}
     * (to wake the send queue); closing it stops the thread.
     */
    public AutoCloseable every(Duration period, Runnable after) {
        java.util.concurrent.ScheduledExecutorService timer = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "kam-schedule");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(() -> {
            try {
                if (runDue() > 0) {
                    after.run();
                }
            } catch (Throwable e) {
                // a task that throws is never run again by the timer: contain everything
                LOG.error("scheduled messages", e);
            }
        }, 0, period.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        // a stop lets a run in progress finish: interrupting it could close the store's file channel
        // under a commit
        return () -> {
            timer.shutdown();
            if (!timer.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS)) {
                timer.shutdownNow();
            }
        };
    }

    /** Runs everything due now; returns how many reps got a message. Safe to call often. */
    public int runDue() {
        Instant now = clock.instant();
        if (lastSweep == null || !now.isBefore(lastSweep.plus(SWEEP_EVERY))) {
            store.inTransaction(tx -> {
                sweep(tx, now);
                return null;
            });
            lastSweep = now;
        }
        int messaged = 0;
        Set<Long> failed = new HashSet<>();
        while (true) {
            Batch done = store.inTransaction(tx -> runBatch(tx, now, failed));
            messaged += done.messaged();
            if (done.finished()) {
                return messaged;
            }
        }
    }

    /** How many reps of a batch got a message, and whether nothing due is left. */
    private record Batch(int messaged, boolean finished) {
    }

    /**
     * A batch stops taking further reps once it has run this long, so the store's lock is never
     * held much longer by scheduled work; the reps left are run by the next batch, at once.
     */
    static final long BATCH_BUDGET_NANOS = 50_000_000L;

    /**
     * One transaction over up to {@link #BATCH} reps (fewer once {@link #BATCH_BUDGET_NANOS} is
     * spent), each in a scope of its own: a rep whose turn
     * throws keeps their entries (tried again at the next run, skipped for the rest of this one)
     * and the others' messages go out; after {@value Quarantine#MAX_ATTEMPTS} failures the rep's
     * due entries are set aside in the quarantine.
     */
    private Batch runBatch(Tx tx, Instant now, Set<Long> failed) {
        Map<Long, List<Schedule.Entry>> byRep = new LinkedHashMap<>();
        for (Schedule.Entry e : schedule.due(tx, now)) {
            if (failed.contains(e.userId())) {
                continue;
            }
            if (byRep.size() >= BATCH && !byRep.containsKey(e.userId())) {
                break;
            }
            byRep.computeIfAbsent(e.userId(), k -> new ArrayList<>()).add(e);
        }
        int messaged = 0;
        int ran = 0;
        long start = System.nanoTime();
        for (var rep : byRep.entrySet()) {
            if (ran > 0 && System.nanoTime() - start > BATCH_BUDGET_NANOS) {
                return new Batch(messaged, false);
            }
            ran++;
            Tx.Scope scope = tx.scope();
            try {
                boolean said = runRep(scope, rep.getKey(), rep.getValue());
                ScheduleFailures.clear(scope, rep.getKey());
                scope.keep();
                messaged += said ? 1 : 0;
            } catch (Throwable e) {
                failed.add(rep.getKey());
                failedRep(tx, rep.getKey(), rep.getValue(), e, now);
            }
        }
        if (byRep.size() < BATCH) {
            schedule.ran(tx, now);
            return new Batch(messaged, true);
        }
        return new Batch(messaged, false);
    }

    /** Runs one rep's due entries as one turn; true when it queued a message. */
    private boolean runRep(Tx tx, long rep, List<Schedule.Entry> entries) {
        entries.forEach(e -> schedule.remove(tx, e));
        List<Reply> said = conversation.inTurn(tx, rep, turn -> entries.forEach(e -> run(turn, e)));
        Outgoing sink = out;
        if (!said.isEmpty() && sink != null && sink.reachable(rep)) {
            sink.enqueue(tx, rep, List.of(collapse(said)));
            return true;
        }
        return false;
    }

    private void failedRep(Tx tx, long rep, List<Schedule.Entry> entries, Throwable e, Instant now) {
        int attempts = ScheduleFailures.failed(tx, rep);
        LOG.error("scheduled work of rep {} failed (attempt {} of {}); the other reps' goes on", rep, attempts,
                Quarantine.MAX_ATTEMPTS, e);
        if (attempts < Quarantine.MAX_ATTEMPTS) {
            return;
        }
        entries.forEach(en -> schedule.remove(tx, en));
        ScheduleFailures.clear(tx, rep);
        Quarantine.Item item = Quarantine.add(tx, Quarantine.Kind.SCHEDULED, rep, 0, now, attempts, 0, e,
                ScheduleFailures.encode(entries));
        LOG.error("scheduled work of rep {} is set aside as quarantine item {}", rep, item.id());
        Outgoing sink = out;
        if (sink != null && sink.reachable(rep)) {
            String lang = conversation.languageOf(tx, rep, null);
            sink.enqueue(tx, rep, List.of(Reply.of(conversation.messages().get(lang, "error.quarantined.scheduled",
                    item.id()))));
        }
    }

    /**
     * Runs the scheduled entries of a quarantine item again now (they were due when they were set
     * aside); on failure they go back to the quarantine. True when they ran.
     */
    public boolean retry(Quarantine.Item item) {
        List<Schedule.Entry> entries = ScheduleFailures.decode(item.payload());
        return store.inTransaction(tx -> {
            Tx.Scope scope = tx.scope();
            try {
                runRep(scope, item.userId(), entries);
                scope.keep();
                return true;
            } catch (Throwable e) {
                LOG.error("scheduled work of rep {} failed again", item.userId(), e);
                Quarantine.add(tx, Quarantine.Kind.SCHEDULED, item.userId(), 0, clock.instant(), item.attempts() + 1,
                        0, e, item.payload());
                return false;
            }
        });
    }

    private void run(Turn turn, Schedule.Entry e) {
        CheckinStore.Prefs p = prefs(turn);
        switch (e.kind()) {
            case CHECKIN -> {
                if (!e.due().equals(p.nextCheckin())) {
                    return;
                }
                checkins.sendIfAccounts(turn);
                reschedule(turn, p, Weekly.next(p.day(), p.time(), turn.zone(), turn.now()), p.nextNudge(), p.nextDigest());
            }
            case NUDGE -> {
                if (!e.due().equals(p.nextNudge())) {
                    return;
                }
                nudges.run(turn, p);
                reschedule(turn, p, p.nextCheckin(), Weekly.nextDaily(p.time(), turn.zone(), turn.now()), p.nextDigest());
            }
            case DIGEST -> {
                if (!e.due().equals(p.nextDigest())) {
                    return;
                }
                team.weeklyDigest(turn);
                reschedule(turn, p, p.nextCheckin(), p.nextNudge(), nextDigest(turn, p));
            }
            case REMINDER -> reminders.get(turn.tx(), turn.userId(), e.ref())
                    .filter(r -> r.status() == Reminders.Status.OPEN && r.due().equals(e.due()))
                    .ifPresent(r -> turn.say(reminderCommands.due(turn, r)));
        }
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
    private void sweep(Tx tx, Instant now) {
        for (Session s : Sessions.all(tx)) {
            Optional<CheckinStore.Prefs> p = prefsStore.prefs(tx, s.userId());
            boolean stale = p.isEmpty() || !s.zone().equals(p.get().zone())
                    || (team.isManager(s.userId()) && team.leads(tx, s.userId()) && p.get().nextDigest() == null);
            if (stale) {
                Tx.Scope scope = tx.scope();
                try {
                    conversation.inTurn(scope, s.userId(), this::prefs);
                    if (p.isPresent()) {
                        conversation.inTurn(scope, s.userId(), turn -> setWeekly(turn, p.get().day(), p.get().time()));
                    }
                    scope.keep();
                } catch (Throwable e) {
                    LOG.error("cannot schedule the check-ins of rep {}; the others go on", s.userId(), e);
                }
            }
        }
    }

    /** The rep's settings, created with the defaults (Monday 09:00 in their zone) and scheduled on first use. */
    CheckinStore.Prefs prefs(Turn turn) {
        Optional<CheckinStore.Prefs> p = prefsStore.prefs(turn.tx(), turn.userId());
        if (p.isPresent()) {
            return p.get();
        }
        return schedule(turn, CheckinStore.DEFAULT_DAY, CheckinStore.DEFAULT_TIME);
    }

    /** New check-in day and time: the old entries go, the new ones are scheduled. */
    CheckinStore.Prefs setWeekly(Turn turn, DayOfWeek day, LocalTime time) {
        prefsStore.prefs(turn.tx(), turn.userId()).ifPresent(old -> unschedule(turn.tx(), old));
        return schedule(turn, day, time);
    }

    private CheckinStore.Prefs schedule(Turn turn, DayOfWeek day, LocalTime time) {
        ZoneId zone = turn.zone();
        Instant now = turn.now();
        CheckinStore.Prefs p = new CheckinStore.Prefs(turn.userId(), day, time, zone.getId(),
                Weekly.next(day, time, zone, now), Weekly.nextDaily(time, zone, now), null);
        CheckinStore.Prefs withDigest = new CheckinStore.Prefs(p.userId(), day, time, p.zone(), p.nextCheckin(),
                p.nextNudge(), nextDigest(turn, p));
        put(turn.tx(), withDigest);
        return withDigest;
    }

    private Instant nextDigest(Turn turn, CheckinStore.Prefs p) {
        boolean leads = team.isManager(turn.userId()) && team.leads(turn.tx(), turn.userId());
        return leads ? Weekly.next(DayOfWeek.MONDAY, p.time(), turn.zone(), turn.now()) : null;
    }

    private void reschedule(Turn turn, CheckinStore.Prefs p, Instant checkin, Instant nudge, Instant digest) {
        unschedule(turn.tx(), p);
        put(turn.tx(), new CheckinStore.Prefs(p.userId(), p.day(), p.time(), p.zone(), checkin, nudge, digest));
    }

    private void put(Tx tx, CheckinStore.Prefs p) {
        prefsStore.putPrefs(tx, p);
        schedule.put(tx, new Schedule.Entry(p.nextCheckin(), p.userId(), Schedule.Kind.CHECKIN, 0));
        schedule.put(tx, new Schedule.Entry(p.nextNudge(), p.userId(), Schedule.Kind.NUDGE, 0));
        if (p.nextDigest() != null) {
            schedule.put(tx, new Schedule.Entry(p.nextDigest(), p.userId(), Schedule.Kind.DIGEST, 0));
        }
    }

    private void unschedule(Tx tx, CheckinStore.Prefs p) {
        schedule.remove(tx, new Schedule.Entry(p.nextCheckin(), p.userId(), Schedule.Kind.CHECKIN, 0));
        schedule.remove(tx, new Schedule.Entry(p.nextNudge(), p.userId(), Schedule.Kind.NUDGE, 0));
        if (p.nextDigest() != null) {
            schedule.remove(tx, new Schedule.Entry(p.nextDigest(), p.userId(), Schedule.Kind.DIGEST, 0));
        }
    }
}
