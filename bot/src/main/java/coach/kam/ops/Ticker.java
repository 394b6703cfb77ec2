package coach.kam.ops;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a piece of work every {@code period} on a thread of its own (the scheduler's check-ins and
 * reminders), contains whatever it throws, and reports its lag (how late each run started against
 * its plan) and whether it still runs: a run that has not started for three periods, or has been
 * running for longer than {@code stuckAfter}, makes the liveness check fail.
 */
public final class Ticker implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Ticker.class);

    private final String name;
    private final Duration period;
    private final Duration stuckAfter;
    private final ScheduledExecutorService timer;
    private final Timer lag;
    private final Timer took;
    private final LongSupplier nanos;
    private volatile long plannedNanos;
    private volatile long lastStartNanos;
    private volatile long runningSinceNanos;
    private volatile boolean running;

    private Ticker(String name, Duration period, Duration stuckAfter, MeterRegistry registry, LongSupplier nanos) {
        this.nanos = nanos;
        this.lastStartNanos = nanos.getAsLong();
        this.name = name;
        this.period = period;
        this.stuckAfter = stuckAfter;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "kam-" + name);
            t.setDaemon(true);
            return t;
        });
        this.lag = Timer.builder("kam." + name + ".lag").description("how late a run of the " + name + " started")
                .register(registry);
        this.took = Timer.builder("kam." + name + ".run").description("how long a run of the " + name + " took")
                .register(registry);
    }

    /** Starts running {@code work} now and then every {@code period} after the previous run ended. */
    public static Ticker start(String name, Duration period, Duration stuckAfter, MeterRegistry registry,
                               Runnable work) {
        return start(name, period, stuckAfter, registry, work, System::nanoTime);
    }

    /** As above, reading the time from {@code nanos} (tests move it). */
    static Ticker start(String name, Duration period, Duration stuckAfter, MeterRegistry registry, Runnable work,
                        LongSupplier nanos) {
        Ticker t = new Ticker(name, period, stuckAfter, registry, nanos);
        t.plannedNanos = nanos.getAsLong();
        t.timer.scheduleWithFixedDelay(() -> t.runOnce(work), 0, period.toMillis(), TimeUnit.MILLISECONDS);
        return t;
    }

    private void runOnce(Runnable work) {
        long start = nanos.getAsLong();
        lag.record(Math.max(0, start - plannedNanos), TimeUnit.NANOSECONDS);
        lastStartNanos = start;
        runningSinceNanos = start;
        running = true;
        try {
            work.run();
        } catch (Throwable e) {
            // whatever a run throws is contained here: the timer would never run the work again
            LOG.error("{}: a run failed", name, e);
        } finally {
            running = false;
            long end = nanos.getAsLong();
            took.record(end - start, TimeUnit.NANOSECONDS);
            plannedNanos = end + period.toNanos();
        }
    }

    /** The liveness check: empty while runs start on time and end. */
    public Supplier<Optional<String>> check() {
        return () -> {
            long now = nanos.getAsLong();
            if (timer.isShutdown()) {
                return Optional.of("the " + name + " is stopped");
            }
            if (running && now - runningSinceNanos > stuckAfter.toNanos()) {
                return Optional.of("a run of the " + name + " has taken " + (now - runningSinceNanos) / 1_000_000_000L
                        + " s (limit " + stuckAfter.toSeconds() + " s)");
            }
            if (!running && now - lastStartNanos > period.multipliedBy(3).plus(stuckAfter).toNanos()) {
                return Optional.of("the " + name + " has not run for " + (now - lastStartNanos) / 1_000_000_000L + " s");
            }
            return Optional.empty();
        };
    }

    /** No more runs; a run in progress may finish (it is not interrupted: it may be writing the store). */
    @Override
    public void close() {
        timer.shutdown();
        try {
            if (!timer.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("{}: a run still going after 10 s is left behind", name);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
