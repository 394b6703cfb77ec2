package coach.kam.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.kam.testing.MutableClock;
import coach.kam.testing.TelegramDriver;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A stranger who writes in a group is not answered there; in a private chat they get the one refusal. */
class GroupStrangerTest {
    private static final long REP = 1;
    private static final long STRANGER = 99;
    private static final long GROUP = -4242;
    @TempDir
    Path dir;

    private static String groupMessage(long from, String text) {
        return "{\"message\":{\"message_id\":" + (5000 + from) + ",\"date\":1764208800,"
                + "\"from\":{\"id\":" + from + ",\"is_bot\":false,\"first_name\":\"U" + from + "\",\"language_code\":\"en\"},"
                + "\"chat\":{\"id\":" + GROUP + ",\"type\":\"group\",\"title\":\"Sales team\"},"
                + "\"text\":\"" + text + "\"}}";
    }

    @Test
    void aStrangerInAGroupGetsNoRefusalPostedThere() throws Exception {
        try (TelegramDriver bot = new TelegramDriver(dir, MutableClock.at("2026-11-27T02:00:00Z"), "en", Set.of(REP))) {
            long inGroup = bot.api().enqueue(groupMessage(STRANGER, "/new Their Co"));
            assertTrue(bot.runner().awaitHandled(inGroup, Duration.ofSeconds(30)));
            long plain = bot.api().enqueue(groupMessage(STRANGER, "hello everyone"));
            assertTrue(bot.runner().awaitHandled(plain, Duration.ofSeconds(30)));
            List<FakeBotApi.Call> toGroup = bot.api().calls("sendMessage").stream()
                    .filter(c -> c.params().path("chat_id").asLong() == GROUP).toList();
            assertEquals(List.of(), toGroup, "nothing is posted in the group");
            assertTrue(bot.type(STRANGER, "/start").get(0).text().contains("invited sales reps only"),
                    "the refusal comes in the private chat");
            assertEquals(List.of(), bot.api().violations());
        }
    }
}
