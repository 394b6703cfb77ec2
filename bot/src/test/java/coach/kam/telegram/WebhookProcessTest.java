package coach.kam.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.kam.accounts.Accounts;
import coach.kam.store.MapDbStore;
import coach.kam.testing.ChildConsole;
import coach.kam.testing.TelegramDriver;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged program in webhook mode, in its own JVM: a kill -9 in the middle of a run loses no
 * update it acknowledged with 200; what it did not acknowledge Telegram posts again to the restarted
 * bot, and every note is kept once.
 */
class WebhookProcessTest {
    private static final String SECRET = "process-secret";
    private static final long USER = 5;
    private static final int NOTES = 30;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void killNineMidRunLosesNoAcknowledgedUpdate(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("data");
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        URI hook = URI.create("http://127.0.0.1:" + port + "/telegram");
        try (FakeBotApi api = FakeBotApi.start(TelegramDriver.TOKEN)) {
            Map<String, String> env = new HashMap<>(Map.of("TELEGRAM_BOT_TOKEN", TelegramDriver.TOKEN,
                    "KAM_TELEGRAM_API_URL", api.baseUrl(), "KAM_ALLOWED_USERS", Long.toString(USER),
                    "KAM_DATA_DIR", data.toString(), "KAM_HTTP_PORT", Integer.toString(port),
                    "KAM_HTTP_HOST", "127.0.0.1", "KAM_WEBHOOK_URL", "https://kam.example.com/telegram",
                    "KAM_WEBHOOK_SECRET", SECRET));
            List<String> unacknowledged = new ArrayList<>();
            Set<Integer> acknowledged = new TreeSet<>();
            int updateId = 5000;
            try (ChildConsole first = ChildConsole.start(dir.resolve("err1.txt"), env)) {
                api.awaitCall("setWebhook", p -> p.path("secret_token").asText().equals(SECRET), Duration.ofSeconds(90));
                String account = update(++updateId, "/new Crash Co");
                awaitAccepted(hook, account);
                api.awaitCall("sendMessage", p -> p.path("text").asText().contains("Crash Co"), Duration.ofSeconds(90));
                for (int n = 1; n <= NOTES; n++) {
                    String note = update(++updateId, "note " + n + " before and after the crash");
                    if (n == NOTES / 2) {
                        first.kill();
                    }
                    if (post(hook, note) == 200) {
                        acknowledged.add(n);
                    } else {
                        unacknowledged.add(note);
                    }
                }
            }
            System.out.printf("webhook kill -9: %d notes acknowledged before the kill, %d posted again after it%n",
                    acknowledged.size(), unacknowledged.size());
            assertTrue(acknowledged.size() >= NOTES / 2 - 1, "the first half was acknowledged: " + acknowledged);
            assertTrue(unacknowledged.size() >= NOTES / 2, "nothing answers after kill -9");

            try (ChildConsole second = ChildConsole.start(dir.resolve("err2.txt"), env)) {
                // Telegram posts again what was not acknowledged, once the bot answers again
                api.awaitCalls("setWebhook", 2, Duration.ofSeconds(90));
                for (String again : unacknowledged) {
                    awaitAccepted(hook, again);
                }
                api.awaitState(() -> api.calls("sendMessage").stream()
                        .filter(c -> c.ok() && c.params().path("text").asText().contains("Saved to")).count() >= NOTES,
                        Duration.ofSeconds(120), "every note answered");
                second.terminate();
                second.waitFor(Duration.ofSeconds(60));
            }
            assertEquals(List.of(), api.violations());
        }
        try (MapDbStore store = MapDbStore.open(data)) {
            List<String> notes = store.inTransaction(tx -> {
                Accounts accounts = new Accounts();
                return accounts.notes(tx, accounts.list(tx, USER).get(0)).stream().map(n -> n.text()).toList();
            });
            assertEquals(NOTES, notes.size(), "each note kept once: " + notes);
            for (int n = 1; n <= NOTES; n++) {
                assertTrue(notes.contains("note " + n + " before and after the crash"), "note " + n + " in " + notes);
            }
        }
    }

    /** Posts until the bot answers 200, as Telegram retries (the moment between setWebhook and the route). */
    private static void awaitAccepted(URI hook, String update) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        int status;
        while ((status = post(hook, update)) != 200) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the webhook did not accept the update within 120 s (last status " + status + ")");
            }
            Thread.onSpinWait();
        }
    }

    /** The HTTP status of one post, or -1 when nothing answered. */
    private static int post(URI hook, String body) {
        try {
            return HTTP.send(HttpRequest.newBuilder(hook).timeout(Duration.ofSeconds(30))
                    .header("X-Telegram-Bot-Api-Secret-Token", SECRET)
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }

    private static String update(int id, String text) {
        ObjectNode message = FakeBotApiObjects.textMessage(id, FakeBotApiObjects.user(USER, "en"),
                FakeBotApiObjects.privateChat(USER), text);
        ObjectNode update = message.objectNode();
        update.put("update_id", id);
        update.set("message", message);
        return update.toString();
    }
}
