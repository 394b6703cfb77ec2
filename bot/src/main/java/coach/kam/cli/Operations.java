package coach.kam.cli;

import coach.kam.KamCoach;
import coach.kam.ops.BotHealth;
import coach.kam.ops.BotMetrics;
import coach.kam.ops.Health;
import coach.kam.ops.Heartbeat;
import coach.kam.ops.OpsServer;
import coach.kam.ops.OpsSettings;
import coach.kam.ops.Ticker;
import coach.kam.pipeline.Pipeline;
import coach.kam.telegram.TelegramRunner;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * The running bot's side for operators: the HTTP endpoint (when {@code KAM_HTTP_PORT} is set), the
 * health checks behind it and the heartbeat file, and the webhook route in webhook mode.
 */
final class Operations implements AutoCloseable {
    static final Duration HEARTBEAT_EVERY = Duration.ofSeconds(15);

    private final OpsSettings settings;
    private final BotMetrics metrics;
    private final Clock clock;
    private final Health health = new Health();
    private volatile boolean started;
    private OpsServer server;
    private Heartbeat heartbeat;

    Operations(OpsSettings settings, BotMetrics metrics, Clock clock) {
        this.settings = settings;
        this.metrics = metrics;
        this.clock = clock;
        health.ready("start", () -> started ? Optional.empty() : Optional.of("the bot is starting"));
    }

    Health health() {
        return health;
    }

    /** Opens the HTTP port, if one is set (readiness fails until {@link #watch} ran). */
    void serve() {
        if (settings.port().isPresent()) {
            server = OpsServer.start(settings.host(), settings.port().get(), health, metrics);
        }
    }

    /** The bot is up: its checks, its meters, the webhook route and the heartbeat. */
    void watch(KamCoach coach, TelegramRunner runner, Ticker schedule, Path dataDir) {
        Pipeline pipeline = runner.bot().pipeline();
        BotHealth.pipeline(health, pipeline, clock);
        BotHealth.sendQueue(health, coach.sendQueue(), metrics);
        health.live("scheduler", schedule.check());
        health.ready("store", () -> coach.closed() ? Optional.of("the store is closed") : Optional.empty());
        // a full disk or a failed write: the bot is up but takes no writes until it recovers
        health.live("storage", () -> coach.closed() ? Optional.empty() : coach.store().outage());
        health.ready("search index", () -> coach.searchReady() ? Optional.empty()
                : Optional.of("the search index is being built"));
        metrics.backups(dataDir.resolve("backups"));
        if (server != null && runner.webhook() != null) {
            server.route(webhookPath(settings.webhookUrl().get()), runner.webhook());
        }
        heartbeat = Heartbeat.start(dataDir, health, HEARTBEAT_EVERY);
        started = true;
    }

    /** The path Telegram posts to: the webhook address's own (a proxy in front passes it through). */
    static String webhookPath(URI url) {
        String path = url.getRawPath();
        return path == null || path.isEmpty() ? "/" : path;
    }

    @Override
    public void close() {
        if (heartbeat != null) {
            heartbeat.close();
        }
        if (server != null) {
            server.close();
        }
        metrics.close();
    }
}
