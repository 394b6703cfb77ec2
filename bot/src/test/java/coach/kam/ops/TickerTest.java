package coach.kam.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The scheduler's loop: a run that hangs, and a loop that stopped running, fail the liveness check. */
class TickerTest {

    @Test
    void aHangingRunAndALoopThatStoppedAreReportedAndARunThatEndsIsNot() throws Exception {
        AtomicLong now = new AtomicLong(1_000_000_000_000L);
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch ended = new CountDownLatch(1);
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        Ticker ticker = Ticker.start("scheduler", Duration.ofHours(1), Duration.ofMinutes(5), registry, () -> {
            entered.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            ended.countDown();
        }, now::get);
        try {
            assertTrue(entered.await(20, TimeUnit.SECONDS));
            assertEquals(Optional.empty(), ticker.check().get(), "a run just begun");
            now.addAndGet(Duration.ofMinutes(6).toNanos());
            assertEquals(Optional.of("a run of the scheduler has taken 360 s (limit 300 s)"), ticker.check().get());

            release.countDown();
            assertTrue(ended.await(20, TimeUnit.SECONDS));
            awaitRunEnded(registry);
            assertEquals(Optional.empty(), ticker.check().get(), "the run ended; the next is an hour away");
            assertEquals(0.0, registry.get("kam.scheduler.lag").timer().totalTime(TimeUnit.SECONDS), "started on time");

            now.addAndGet(Duration.ofHours(3).plusMinutes(10).toNanos());
            assertEquals(Optional.of("the scheduler has not run for 11760 s"), ticker.check().get());
        } finally {
            release.countDown();
            ticker.close();
        }
        assertEquals(Optional.of("the scheduler is stopped"), ticker.check().get());
    }

    /** The run's time is recorded as it ends, after the work returned. */
    private static void awaitRunEnded(SimpleMeterRegistry registry) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (registry.get("kam.scheduler.run").timer().count() == 0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the run did not end");
            }
            Thread.onSpinWait();
        }
    }
}
