package coach.kam.ops;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;

/**
 * The registry behind {@code /metrics}: the JVM's memory, GC, threads and CPU, plus whatever the
 * bot's parts register (the pipeline, the send queue, Telegram's answers, the scheduler, backups).
 */
public final class BotMetrics implements AutoCloseable {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gc = new JvmGcMetrics();

    public BotMetrics() {
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
    }

    public MeterRegistry registry() {
        return registry;
    }

    /** Everything in the Prometheus text format. */
    public String scrape() {
        return registry.scrape();
    }

    /** A gauge read from {@code source} at each scrape. */
    public <T> void gauge(String name, String description, T source, ToDoubleFunction<T> value) {
        Gauge.builder(name, source, value).description(description).register(registry);
    }

    /** A counter by name and tags, for those who count without a meter of their own. */
    public Counter counter(String name, String... tags) {
        return registry.counter(name, tags);
    }

    /**
     * Backups in {@code folder}: how many there are, and the age and size of the newest, read from
     * the folder at each scrape (the daily backup and the manual ones alike).
     */
    public void backups(Path folder) {
        gauge("kam.backups.count", "backup files kept", folder, f -> backupFiles(f).count());
        gauge("kam.backups.newest.age.seconds", "age of the newest backup (-1: none)", folder, BotMetrics::newestAge);
        gauge("kam.backups.newest.bytes", "size of the newest backup (-1: none)", folder, BotMetrics::newestSize);
    }

    private static Stream<Path> backupFiles(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".db")).toList().stream();
        } catch (IOException e) {
            return Stream.empty();
        }
    }

    private static double newestAge(Path folder) {
        return backupFiles(folder).mapToLong(BotMetrics::modified).max()
                .stream().mapToDouble(m -> (System.currentTimeMillis() - m) / 1000.0).findFirst().orElse(-1);
    }

    private static double newestSize(Path folder) {
        return backupFiles(folder).max(java.util.Comparator.comparingLong(BotMetrics::modified))
                .map(p -> {
                    try {
                        return (double) Files.size(p);
                    } catch (IOException e) {
                        return -1.0;
                    }
                }).orElse(-1.0);
    }

    private static long modified(Path p) {
        try {
            return Files.getLastModifiedTime(p).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }
}
