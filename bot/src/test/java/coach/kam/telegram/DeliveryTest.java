package coach.kam.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.kam.testing.MutableClock;
import coach.kam.testing.TelegramDriver;
import coach.kam.testing.ChatDriver.Shown;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Delivery through the real client and long polling against the fake Bot API: faults on the way
 * out (429, 500, 502, slow answers, dropped connections) and in (an update the library cannot
 * read, getUpdates errors), and Telegram's flood limits.
 */
class DeliveryTest {
    private static final Duration WAIT = Duration.ofSeconds(90);

    @TempDir
    Path dir;

    private TelegramDriver driver(FakeBotApi api, Set<Long> allowed, Function<URI, TelegramRunner.Settings> settings) {
        return new TelegramDriver(dir, MutableClock.at("2026-11-27T02:00:00Z"), "en", allowed, api, settings);
    }

    @Test
    void everyReplyArrivesInOrderThroughServerErrorsSlowAnswersAndDroppedConnections() throws Exception {
        FakeBotApi api = FakeBotApi.start(TelegramDriver.TOKEN);
        // short timeouts stand in for Telegram's 12-second stalls: a send that takes longer is retried
        try (TelegramDriver bot = driver(api, Set.of(), url ->
                new TelegramRunner.Settings(TelegramDriver.TOKEN, url, 0, Duration.ofMillis(700), 1))) {
            api.failNext("sendMessage", 429, 1);
            api.failNext("sendMessage", 500, null);
            api.failNext("sendMessage", 502, null);
            api.delayNext("sendMessage", Duration.ofSeconds(2));
            api.dropNext("sendMessage");
            api.failNext("getUpdates", 502, null);
            api.dropNext("sendMessage");
            int users = 6;
            int each = 5;
            for (int k = 1; k <= each; k++) {
                for (long u = 1; u <= users; u++) {
                    api.enqueueText(u, "/new Acc " + u + "-" + k);
                }
            }
            api.awaitCall("getUpdates", p -> true, WAIT);
            for (long u = 1; u <= users; u++) {
                long user = u;
                for (int k = 1; k <= each; k++) {
                    String name = "Acc " + u + "-" + k;
                    api.awaitCall("sendMessage", p -> p.path("chat_id").asLong() == user
                            && p.path("text").asText().contains("<b>" + name + "</b>"), WAIT);
                }
            }
            for (long u = 1; u <= users; u++) {
                List<String> order = firstArrivals(api, u);
                List<String> expected = new ArrayList<>();
                for (int k = 1; k <= each; k++) {
                    expected.add("Acc " + u + "-" + k);
                }
                assertEquals(expected, order, "chat " + u + " got its replies in the order it wrote");
            }
            // polling went on after the getUpdates error: a message sent now is answered
            List<Shown> after = bot.type(1, "/help");
            assertTrue(after.get(after.size() - 1).text().contains("KAM Coach"), after.toString());
            assertEquals(List.of(), api.violations());
        }
    }

    @Test
    void anUpdateTheLibraryCannotReadIsSkippedAndPollingGoesOn() {
        FakeBotApi api = FakeBotApi.start(TelegramDriver.TOKEN);
        try (TelegramDriver bot = driver(api, Set.of(1L), url -> TelegramRunner.Settings.of(TelegramDriver.TOKEN, url, 0))) {
            api.enqueue("""
                    {"message": {"message_id": "not a number", "date": {"odd": true},
                       "from": {"id": 1, "is_bot": false, "first_name": "Rep"},
                       "chat": {"id": 1, "type": "private"}, "text": "/new Broken Co"}}
                    """);
            List<Shown> shown = bot.type(1, "/help");
            assertTrue(shown.get(0).text().contains("KAM Coach"));
            assertEquals(0, api.pendingUpdates(), "both updates were confirmed");
            assertTrue(api.calls("sendMessage").stream().noneMatch(c -> c.params().toString().contains("Broken Co")));
        }
    }

    @Test
    void twoHundredChatsWritingAtOnceDrawNoTooManyRequests() throws Exception {
        FakeBotApi api = FakeBotApi.start(TelegramDriver.TOKEN);
        api.enforceLimits();
        int chats = 200;
        int burst = 2;
        try (TelegramDriver bot = driver(api, Set.of(), url ->
                TelegramRunner.Settings.of(TelegramDriver.TOKEN, url, coach.kam.config.Config.DEFAULT_SEND_RATE))) {
            long started = System.nanoTime();
            for (int k = 1; k <= burst; k++) {
                for (long u = 1; u <= chats; u++) {
                    api.enqueueText(1000 + u, k == 1 ? "/new Pace " + u : "/help");
                }
            }
            api.awaitCalls("sendMessage", chats * burst, Duration.ofSeconds(120));
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf("pacing: %d messages to %d chats in %.1f s, %d answered 429%n",
                    chats * burst, chats, seconds, api.tooManyRequests());
            assertEquals(0, api.tooManyRequests(), "no send broke Telegram's flood limits");
            assertEquals(List.of(), api.violations());
        }
    }

    /** The accounts named in a chat's "Added" replies, each at its first arrival. */
    private static List<String> firstArrivals(FakeBotApi api, long chat) {
        Map<String, Boolean> seen = new LinkedHashMap<>();
        for (FakeBotApi.Call c : api.calls("sendMessage")) {
            if (c.ok() && c.params().path("chat_id").asLong() == chat) {
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("<b>(Acc [^<]+)</b>")
                        .matcher(c.params().path("text").asText());
                if (m.find()) {
                    seen.putIfAbsent(m.group(1), true);
                }
            }
        }
        return new ArrayList<>(seen.keySet());
    }
}
