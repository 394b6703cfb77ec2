package coach.kam.conversation.checkin;

import coach.kam.checkin.Schedule;
import coach.kam.checkin.ScheduleFailures;
import coach.kam.quarantine.Quarantine;
import coach.kam.store.Store;
import coach.kam.store.Tx;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs what fell due: weekly check-ins, reminders, daily nudges and managers' digests. Each run
 * reads the due entries, lets each rep's work speak in a turn of its own ({@link RepTurns}), and
 * hands one message per rep to the send queue in the same transaction that removes the entries and
 * schedules the next ones; so what fell due while the bot was down goes out once after a restart,
 * collapsed per rep. Reps run in small transactions, each in a scope of its own: a failing rep
 * does not stop the others, and the store's lock is never held long.
 */
public final class Scheduler {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Scheduler.class);
    /** Reps handled per transaction, so one run never holds the store for long. */
    static final int BATCH = 200;
    static final Duration SWEEP_EVERY = Duration.ofMinutes(10);
    /**
     * A batch stops taking further reps once it has run this long, so the store's lock is never
     * held much longer by scheduled work; the reps left are run by the next batch, at once.
     */
    static final long BATCH_BUDGET_NANOS = 50_000_000L;

    private final Store store;
    private final Schedule schedule;
    private final RepTurns turns;
    private final Clock clock;
    private Instant lastSweep;

    Scheduler(Store store, Schedule schedule, RepTurns turns, Clock clock) {
        this.store = store;
        this.schedule = schedule;
        this.turns = turns;
        this.clock = clock;
    }

    /** Where due messages go; set by the adapter that runs (the send queue, or the console). */
    public void sendTo(Outgoing outgoing) {
        turns.sendTo(outgoing);
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
                turns.sweep(tx);
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
                boolean said = turns.runRep(scope, rep.getKey(), rep.getValue());
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
        turns.setAside(tx, rep, item.id());
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
                turns.runRep(scope, item.userId(), entries);
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
}
