package coach.kam.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.kam.testing.ChatDriver;
import coach.kam.testing.MutableClock;
import coach.kam.testing.TelegramDriver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A walkthrough in Telegram edits its step message in place instead of sending one message a step. */
class WalkInPlaceTest {
    private static final long REP = 1;
    private TelegramDriver bot;

    @BeforeEach
    void start() throws Exception {
        Path dir = Files.createTempDirectory("kam-walk-in-place");
        bot = new TelegramDriver(dir, MutableClock.at("2026-11-27T02:00:00Z"), "zh", Set.of(REP));
        bot.skipSent();
    }

    @AfterEach
    void stop() {
        List<String> violations = bot.api().violations();
        bot.close();
        assertEquals(List.of(), violations, "calls that break the Bot API");
    }

    @Test
    void aWholeProfileByTapsLeavesAHandfulOfMessages() {
        bot.type(REP, "/new 华东医药集团");
        List<ChatDriver.Shown> step = bot.type(REP, "/profile");
        assertTrue(last(step).text().contains("1/21"), step.toString());
        int sentBefore = sent();
        step = bot.press(REP, "医疗健康");
        int taps = 1;
        assertTrue(last(step).text().contains("2/21"), step.toString());
        Set<Integer> edited = new HashSet<>();
        for (int i = 0; i < 30 && !last(step).text().contains("小结"); i++) {
            step = bot.press(REP, "⏭ 跳过");
            taps++;
        }
        assertTrue(last(step).text().contains("小结"), "reached the summary: " + step);
        bot.press(REP, "✅ 完成");
        taps++;
        bot.api().calls("editMessageText").forEach(c -> edited.add(c.params().path("message_id").asInt()));
        assertEquals(1, edited.size(), "every step went into the one step message");
        assertEquals(1, sent() - sentBefore, "after the first step only the closing message is new");
        assertTrue(sent() <= 5, "bot messages in the chat: " + sent());
        assertEquals(taps, bot.api().calls("answerCallbackQuery").size(), "every tap answered");
        assertEquals(taps - 1, bot.api().calls("editMessageText").size(), "every tap but the last one edited the step");
    }

    @Test
    void aStepThatCannotBeEditedArrivesAsANewMessage() {
        bot.type(REP, "/new 华东医药集团");
        bot.type(REP, "/profile");
        int sentBefore = sent();
        bot.api().failNext("editMessageText", 400, null);
        List<ChatDriver.Shown> step = bot.press(REP, "医疗健康");
        bot.api().awaitCalls("sendMessage", sentBefore + 1, java.time.Duration.ofSeconds(10));
        assertEquals(sentBefore + 1, sent(), "the refused edit went out as a message: " + step);
        assertTrue(bot.api().calls("sendMessage").get(sentBefore).params().path("text").asText().contains("2/21"));
    }

    private int sent() {
        return (int) bot.api().calls("sendMessage").stream().filter(c -> c.params().path("chat_id").asLong() == REP)
                .count();
    }

    private static ChatDriver.Shown last(List<ChatDriver.Shown> shown) {
        assertTrue(!shown.isEmpty(), "nothing shown");
        return shown.get(shown.size() - 1);
    }
}
