package coach.kam.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.kam.KamCoach;
import coach.kam.access.Access;
import coach.kam.testing.MutableClock;
import coach.kam.testing.TelegramDriver;
import coach.kam.testing.TestCoach;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

/**
 * Start-up against a Telegram that is busy or flaky: the calls made at start are retried like any
 * other call (waits recorded, not slept), and a refusal still fails at once.
 */
class StartRetryTest {
    private static final long REP = 4242;
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    private final MutableClock clock = MutableClock.at("2026-03-02T08:00:00Z");
    private final List<Duration> waited = Collections.synchronizedList(new ArrayList<>());

    private TelegramRunner start(FakeBotApi api, KamCoach coach) throws TelegramApiException {
        Access access = new Access(coach.store(), Set.of(REP), Set.of(), Optional.empty(), false);
        return TelegramRunner.start(TelegramRunner.Settings.of(TelegramDriver.TOKEN, URI.create(api.baseUrl()), 0),
                coach.store(), coach.conversation(), coach.sendQueue(), access, coach.inlineSearch(), clock,
                waited::add);
    }

    @Test
    void deleteWebhookIsRetriedAfterAServerErrorA429AndADroppedConnection() throws Exception {
        try (FakeBotApi api = FakeBotApi.start(TelegramDriver.TOKEN); KamCoach coach = TestCoach.start(dir, clock)) {
            api.failNext("deleteWebhook", 500, null);
            api.failNext("deleteWebhook", 429, 7);
            api.dropNext("deleteWebhook");
            api.failNext("deleteWebhook", 502, null);
            api.failNext("setMyCommands", 500, null);
            TelegramRunner runner = start(api, coach);
            try {
                List<FakeBotApi.Call> deletes = api.calls("deleteWebhook");
                assertEquals(List.of(500, 429, 200, 502, 200), deletes.stream().map(FakeBotApi.Call::httpStatus).toList(),
                        "the dropped call was acted on but not answered, then tried again");
                assertEquals(List.of(Duration.ofMillis(500), Duration.ofSeconds(7), Duration.ofSeconds(1),
                        Duration.ofSeconds(2)), waited.subList(waited.size() - 4, waited.size()),
                        "back-off doubles from 0.5 s; 429 waits what Telegram asks");
                assertEquals(List.of(Duration.ofMillis(500)), waited.subList(0, waited.size() - 4),
                        "setMyCommands, before registration, backed off once too");
                assertEquals(3, api.calls("setMyCommands").size(), "the failed menu call was made again");

                long update = api.enqueueText(REP, "/help");
                assertTrue(runner.awaitHandled(update, WAIT), "the bot runs after the flaky start");
                assertTrue(api.calls("sendMessage").stream().anyMatch(c -> c.ok()
                        && c.params().path("chat_id").asLong() == REP), "and answers the rep");
                assertEquals(List.of(), api.violations());
            } finally {
                runner.close();
            }
        }
    }

    @Test
    void theBackOffIsCappedAtThirtySeconds() throws Exception {
        try (FakeBotApi api = FakeBotApi.start(TelegramDriver.TOKEN); KamCoach coach = TestCoach.start(dir, clock)) {
            for (int i = 0; i < 9; i++) {
                api.failNext("deleteWebhook", 503, null);
            }
            TelegramRunner runner = start(api, coach);
            runner.close();
            assertEquals(List.of(500L, 1000L, 2000L, 4000L, 8000L, 16000L, 30000L, 30000L, 30000L),
                    waited.stream().map(Duration::toMillis).toList());
            assertEquals(10, api.calls("deleteWebhook").size());
        }
    }

    @Test
    void aRefusalIsNotRetried() throws Exception {
        try (FakeBotApi api = FakeBotApi.start(TelegramDriver.TOKEN); KamCoach coach = TestCoach.start(dir, clock)) {
            api.failNext("deleteWebhook", 401, null);
            assertThrows(TelegramApiException.class, () -> start(api, coach));
            assertEquals(1, api.calls("deleteWebhook").size());
            assertEquals(List.of(), waited);
        }
    }
}
