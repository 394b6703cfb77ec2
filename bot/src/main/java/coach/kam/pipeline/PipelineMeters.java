package coach.kam.pipeline;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.time.Duration;

/**
 * What the pipeline counts: updates received, handled, failed (one per failed attempt) and set
 * aside, and the time a turn takes. Until {@link Pipeline#instrument} names a registry the meters
 * count nowhere.
 */
final class PipelineMeters {
    final Counter received;
    final Counter handled;
    final Counter failed;
    final Counter quarantined;
    final Timer turn;

    private PipelineMeters(MeterRegistry registry) {
        received = Counter.builder("kam.updates.received").description("updates made durable in the inbox")
                .register(registry);
        handled = Counter.builder("kam.updates.handled").description("updates whose turn finished")
                .register(registry);
        failed = Counter.builder("kam.updates.failed").description("failed attempts at a turn (nothing it changed was kept)")
                .register(registry);
        quarantined = Counter.builder("kam.updates.quarantined").description("updates set aside in the quarantine")
                .register(registry);
        turn = Timer.builder("kam.turn").description("time a turn takes, inside its group's transaction")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(30))
                .register(registry);
    }

    static PipelineMeters none() {
        return new PipelineMeters(new CompositeMeterRegistry());
    }

    static PipelineMeters in(MeterRegistry registry) {
        return new PipelineMeters(registry);
    }
}
