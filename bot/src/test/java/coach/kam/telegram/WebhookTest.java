package coach.kam.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.kam.KamCoach;
import coach.kam.access.Access;
import coach.kam.accounts.Accounts;
import coach.kam.ops.BotMetrics;
import coach.kam.ops.Health;
import coach.kam.ops.OpsServer;
import coach.kam.ops.PrometheusText;
import coach.kam.testing.MutableClock;
import coach.kam.testing.TelegramDriver;
import coach.kam.testing.TestCoach;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Webhook mode against the fake Bot API: setWebhook with the secret token, posts without it
 * refused and nothing stored, and 50 reps posting 40 notes each all answered once.
 */
class WebhookTest {
    static final int REPS = 50;
    static final int NOTES = 40;
    private static final String SECRET = "hook-Secret_2026";
    private static final URI PUBLIC_URL = URI.create("https://kam.example.com/telegram/hook");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final AtomicInteger updateIds = new AtomicInteger(1000);

    @Test
    void setsTheWebhookRefusesPostsWithoutTheSecretAndAnswersEveryNoteOnce(@TempDir Path dir) throws Exception {
        MutableClock clock = MutableClock.at("2026-03-02T08:00:00Z");
        try (FakeBotApi api = FakeBotApi.start(TelegramDriver.TOKEN);
             BotMetrics metrics = new BotMetrics()) {
            KamCoach coach = TestCoach.start(dir, clock);
            Access access = new Access(coach.store(), Set.of(), Set.of(), Optional.empty(), true);
            TelegramRunner runner = TelegramRunner.start(
                    TelegramRunner.Settings.of(TelegramDriver.TOKEN, URI.create(api.baseUrl()), 0), coach.store(),
                    coach.conversation(), coach.sendQueue(), access, coach.inlineSearch(), clock, dir,
                    TelegramRunner.Intake.webhook(PUBLIC_URL, SECRET), metrics.registry());
            try (OpsServer server = OpsServer.start("127.0.0.1", 0, new Health(), metrics)) {
                server.route(PUBLIC_URL.getPath(), runner.webhook());
                URI hook = URI.create("http://127.0.0.1:" + server.port() + PUBLIC_URL.getPath());

                FakeBotApi.Call set = api.awaitCall("setWebhook", p -> true, Duration.ofSeconds(10));
                assertEquals(PUBLIC_URL.toString(), set.params().path("url").asText());
                assertEquals(SECRET, set.params().path("secret_token").asText());
                assertEquals(List.of(), api.calls("getUpdates"), "no long polling in webhook mode");

                String stranger = update(7, "/new Sneaky Co");
                assertEquals(401, post(hook, stranger, null).statusCode());
                assertEquals(401, post(hook, stranger, "wrong-secret").statusCode());
                assertEquals(401, post(hook, stranger, SECRET + "x").statusCode());
                assertEquals(400, post(hook, "{\"not\":\"an update\"}", SECRET).statusCode());
                assertEquals(0, runner.bot().pipeline().inInbox());
                assertEquals(0.0, metrics.registry().get("kam.updates.received").counter().count());
                assertEquals(List.of(), coach.store().inTransaction(tx -> new Accounts().list(tx, 7)),
                        "nothing of a refused post is stored");

                Map<Long, BlockingQueue<String>> replies = new ConcurrentHashMap<>();
                api.onCall(c -> {
                    if (c.ok() && c.method().equals("sendMessage")) {
                        BlockingQueue<String> q = replies.get(c.params().path("chat_id").asLong());
                        if (q != null) {
                            q.add(c.params().path("text").asText());
                        }
                    }
                });
                for (long u = 1; u <= REPS; u++) {
                    replies.put(u, new LinkedBlockingQueue<>());
                }
                long started = System.nanoTime();
                ExecutorService reps = Executors.newFixedThreadPool(REPS);
                List<Future<?>> running = new ArrayList<>();
                for (long u = 1; u <= REPS; u++) {
                    long user = u;
                    running.add(reps.submit(() -> {
                        roundTrip(hook, replies.get(user), user, "/new Hook Co " + user, "Hook Co " + user);
                        for (int n = 1; n <= NOTES; n++) {
                            roundTrip(hook, replies.get(user), user, "visit " + n + ": the frame contract",
                                    "Saved to");
                        }
                        return null;
                    }));
                }
                for (Future<?> f : running) {
                    f.get(10, TimeUnit.MINUTES);
                }
                reps.shutdownNow();
                double seconds = (System.nanoTime() - started) / 1e9;
                System.out.printf("webhook: %d reps x (1 + %d notes) posted and answered in %.1f s (%.0f updates/s)%n",
                        REPS, NOTES, seconds, REPS * (NOTES + 1) / seconds);

                // Telegram posts an update again when it missed the 200: acknowledged, not handled twice
                String again = update(1, "visit 41: posted twice");
                assertEquals(200, post(hook, again, SECRET).statusCode());
                assertEquals(200, post(hook, again, SECRET).statusCode());
                assertTrue(replies.get(1L).poll(60, TimeUnit.SECONDS).contains("Saved to"));

                // stopping sends what is queued (up to 10 s), so a second answer would be there now
                runner.close();
                for (long u = 1; u <= REPS; u++) {
                    assertTrue(replies.get(u).isEmpty(), "rep " + u + " got extra replies: " + replies.get(u));
                }
                long user1Notes = coach.store().inTransaction(tx -> {
                    Accounts accounts = new Accounts();
                    return (long) accounts.notes(tx, accounts.list(tx, 1).get(0)).size();
                });
                assertEquals(NOTES + 1, user1Notes);
                for (long u = 2; u <= REPS; u++) {
                    long user = u;
                    int notes = coach.store().inTransaction(tx -> {
                        Accounts accounts = new Accounts();
                        return accounts.notes(tx, accounts.list(tx, user).get(0)).size();
                    });
                    assertEquals(NOTES, notes, "notes of rep " + user);
                }
                HttpResponse<String> scrape = HTTP.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + server.port() + "/metrics")).build(),
                        HttpResponse.BodyHandlers.ofString());
                Map<String, Double> m = PrometheusText.parse(scrape.body());
                double updates = REPS * (NOTES + 1) + 1;
                assertEquals(updates, m.get("kam_updates_received_total"), "each update stored once");
                assertEquals(updates, m.get("kam_updates_handled_total"));
                assertEquals(0.0, m.get("kam_updates_failed_total"));
                assertEquals(updates, m.get("kam_turn_seconds_count"));
                long sends = api.calls("sendMessage").stream().filter(FakeBotApi.Call::ok).count();
                assertEquals(updates, (double) sends, "one answer per update");
                assertEquals((double) sends, m.get("kam_telegram_answers_total{method=\"sendmessage\",status=\"200\"}"));
                assertEquals(1.0, m.get("kam_telegram_answers_total{method=\"setwebhook\",status=\"200\"}"));
                assertEquals(List.of(), api.violations());
                assertFalse(api.calls("deleteWebhook").size() > 0, "webhook mode never deletes its webhook");
            } finally {
                if (!runner.closed()) {
                    runner.close();
                }
                coach.close();
            }
        }
    }

    private void roundTrip(URI hook, BlockingQueue<String> replies, long user, String text, String expected)
            throws Exception {
        HttpResponse<String> r = post(hook, update(user, text), SECRET);
        assertEquals(200, r.statusCode(), r.body());
        String reply = replies.poll(120, TimeUnit.SECONDS);
        if (reply == null || !reply.contains(expected)) {
            throw new AssertionError("rep " + user + " sent '" + text + "' and got " + reply);
        }
    }

    private String update(long user, String text) {
        int id = updateIds.incrementAndGet();
        ObjectNode message = FakeBotApiObjects.textMessage(id, FakeBotApiObjects.user(user, "en"),
                FakeBotApiObjects.privateChat(user), text);
        ObjectNode update = message.objectNode();
        update.put("update_id", id);
        update.set("message", message);
        return update.toString();
    }

    private static HttpResponse<String> post(URI hook, String body, String secret) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(hook).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (secret != null) {
            b.header("X-Telegram-Bot-Api-Secret-Token", secret);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
