package coach.kam.ops;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A file whose modification time says the bot is alive, for a container health check when no
 * HTTP port is open: touched every {@code every} while the liveness checks hold, so it grows old
 * when they fail or the process hangs. It holds the time and the reasons of the last look.
 */
public final class Heartbeat implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Heartbeat.class);
    public static final String FILE = "heartbeat";

    private final ScheduledExecutorService timer;

    private Heartbeat(ScheduledExecutorService timer) {
        this.timer = timer;
    }

    public static Heartbeat start(Path dataDir, Health health, Duration every) {
        Path file = dataDir.resolve(FILE);
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "kam-heartbeat");
            t.setDaemon(true);
            return t;
        });
        boolean[] warned = {false};
        timer.scheduleWithFixedDelay(() -> {
            try {
                beat(file, health.livenessProblems());
                warned[0] = false;
            } catch (IOException | RuntimeException e) {
                if (!warned[0]) {
                    LOG.warn("cannot write the heartbeat file {}: {}", file, e.toString());
                    warned[0] = true;
                }
            }
        }, 0, every.toMillis(), TimeUnit.MILLISECONDS);
        return new Heartbeat(timer);
    }

    /** Touches the file while healthy; when not, writes the reasons and leaves its time alone. */
    static void beat(Path file, List<String> problems) throws IOException {
        if (problems.isEmpty()) {
            Files.writeString(file, "ok " + Instant.now() + "\n");
            Files.setLastModifiedTime(file, FileTime.from(Instant.now()));
            return;
        }
        if (Files.exists(file)) {
            FileTime kept = Files.getLastModifiedTime(file);
            Files.writeString(file, "unhealthy " + Instant.now() + "\n" + String.join("\n", problems) + "\n");
            Files.setLastModifiedTime(file, kept);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
