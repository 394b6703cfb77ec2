package coach.kam.ops;

import coach.kam.delivery.SendQueue;
import coach.kam.pipeline.Pipeline;
import java.time.Clock;
import java.time.Duration;

/** The bot's own liveness checks and meters: the handler, the inbox, the send queue. */
public final class BotHealth {
    /** A handler that shows no sign of life this long is stuck (a turn takes milliseconds; a group 200 ms). */
    public static final Duration HANDLER_LIMIT = Duration.ofSeconds(60);
    /** An update that waited this long in the inbox is not being handled. */
    public static final Duration INBOX_LIMIT = Duration.ofMinutes(5);

    private BotHealth() {
    }

    /** Adds the pipeline's checks: its handler thread runs and makes progress, its oldest update is young. */
    public static Health pipeline(Health health, Pipeline pipeline, Clock clock) {
        return health
                .live("handler", Health.alive(pipeline::handlerAlive, "the handler thread is not running"))
                .live("handler progress", Health.progress(pipeline::lastProgress, HANDLER_LIMIT, clock, "the handler"))
                .live("inbox", Health.youngerThan(pipeline::oldestWaiting, INBOX_LIMIT, "the oldest update in the inbox"));
    }

    /** Adds the send queue's check (its dispatcher runs) and its depth as a gauge. */
    public static Health sendQueue(Health health, SendQueue queue, BotMetrics metrics) {
        metrics.gauge("kam.send.queue.depth", "messages waiting or in flight to Telegram", queue, SendQueue::pending);
        metrics.gauge("kam.send.sent", "messages Telegram accepted since start", queue, SendQueue::sent);
        return health.live("send queue", Health.alive(queue::dispatcherAlive, "the send queue's dispatcher is not running"));
    }
}
