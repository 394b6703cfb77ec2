package coach.kam.bench;

import coach.kam.telegram.FakeBotApi;
import coach.kam.telegram.TelegramRunner;
import coach.kam.testing.MutableClock;
import coach.kam.testing.TelegramDriver;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A 21-step profile tapped through the fake Bot API at a tap every 300 ms, with the send queue
 * paced as in production (KAM_SEND_RATE 25): prints how long each tap waited for its edit and its
 * answerCallbackQuery, and how many bot messages the chat holds at the end.
 * {@code mvn -B -Pbench test -Dtest=WalkInPlaceBenchmark}
 */
@Tag("bench")
class WalkInPlaceBenchmark {
    private static final long REP = 1;
    private static final long TAP_EVERY_MS = 300;

    @Test
    void tapsThroughAProfile() throws Exception {
        FakeBotApi api = FakeBotApi.start(TelegramDriver.TOKEN);
        try (TelegramDriver bot = new TelegramDriver(Files.createTempDirectory("kam-walk-bench"),
                MutableClock.at("2026-11-27T02:00:00Z"), "zh", Set.of(REP), api,
                url -> TelegramRunner.Settings.of(TelegramDriver.TOKEN, url, 25))) {
            bot.type(REP, "/new 华东医药集团");
            bot.type(REP, "/profile");
            long stepMessage = api.messageWithButton(REP, dataOf(api, lastStep(api), "医疗健康")).orElseThrow();
            List<Long> tappedAt = Collections.synchronizedList(new ArrayList<>());
            CountDownLatch finished = new CountDownLatch(1);
            ScheduledExecutorService tapper = Executors.newSingleThreadScheduledExecutor();
            tapper.scheduleAtFixedRate(() -> {
                JsonNode m = api.message(stepMessage);
                String text = m.path("text").asText();
                String label = tappedAt.isEmpty() ? "医疗健康" : text.contains("小结") ? "✅ 完成" : "⏭ 跳过";
                String data = dataOf(m, label);
                if (data == null) {
                    return;
                }
                tappedAt.add(System.nanoTime());
                api.enqueueCallback(REP, data, (int) stepMessage);
                if (label.equals("✅ 完成")) {
                    finished.countDown();
                    throw new IllegalStateException("done");
                }
            }, 0, TAP_EVERY_MS, TimeUnit.MILLISECONDS);
            finished.await(60, TimeUnit.SECONDS);
            tapper.shutdownNow();
            int taps = tappedAt.size();
            List<FakeBotApi.Call> answers = api.awaitCalls("answerCallbackQuery", taps, Duration.ofSeconds(20));
            List<FakeBotApi.Call> edits = api.calls("editMessageText");
            List<Long> answerMs = new ArrayList<>();
            List<Long> editMs = new ArrayList<>();
            for (int i = 0; i < taps; i++) {
                answerMs.add((answers.get(i).receivedAtNanos() - tappedAt.get(i)) / 1_000_000);
                if (i < edits.size()) {
                    editMs.add((edits.get(i).receivedAtNanos() - tappedAt.get(i)) / 1_000_000);
                }
            }
            long messages = api.calls("sendMessage").stream().filter(c -> c.params().path("chat_id").asLong() == REP)
                    .count();
            System.out.printf("walk in place: %d taps every %d ms; answerCallbackQuery after tap p50 %d ms, max %d ms;"
                            + " edit after tap p50 %d ms, max %d ms (%d edits); bot messages in the chat %d%n",
                    taps, TAP_EVERY_MS, pct(answerMs, 50), pct(answerMs, 100), pct(editMs, 50), pct(editMs, 100),
                    edits.size(), messages);
        }
    }

    private static JsonNode lastStep(FakeBotApi api) {
        List<FakeBotApi.Call> sent = api.calls("sendMessage");
        return sent.get(sent.size() - 1).params();
    }

    private static String dataOf(FakeBotApi api, JsonNode message, String label) {
        return dataOf(message, label);
    }

    private static String dataOf(JsonNode message, String label) {
        for (JsonNode row : message.path("reply_markup").path("inline_keyboard")) {
            for (JsonNode b : row) {
                if (label.equals(b.path("text").asText())) {
                    return b.path("callback_data").asText();
                }
            }
        }
        return null;
    }

    private static long pct(List<Long> values, int p) {
        if (values.isEmpty()) {
            return -1;
        }
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(Math.min(sorted.size() - 1, Math.max(0, (int) Math.ceil(p / 100.0 * sorted.size()) - 1)));
    }
}
