package coach.kam.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.kam.KamCoach;
import coach.kam.conversation.Event;
import coach.kam.testing.MutableClock;
import coach.kam.testing.TelegramDriver;
import coach.kam.testing.TestCoach;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A reply committed but never sent (the process died in between) is sent at the next start, once. */
class OwedRepliesTest {

    @Test
    void aReplyLostBetweenCommitAndSendIsSentAtTheNextStart() throws Exception {
        Path dir = Files.createTempDirectory("kam-owed");
        MutableClock clock = MutableClock.at("2026-11-27T02:00:00Z");
        try (KamCoach first = TestCoach.start(dir, clock)) {
            Event created = new Event(1, 1, 500L, "/new Owed Co", null, null, "en");
            assertThrows(IllegalStateException.class, () -> first.conversation().handle(created, replies -> {
                throw new IllegalStateException("the process dies before the reply leaves");
            }));
            assertEquals(1, first.conversation().outbox().pending().size());
        }
        try (TelegramDriver bot = new TelegramDriver(dir, clock, "en", Set.of(1L))) {
            FakeBotApi.Call sent = bot.api().awaitCall("sendMessage",
                    p -> p.path("text").asText().contains("Added <b>Owed Co</b>"), Duration.ofSeconds(20));
            assertEquals(1, sent.params().path("chat_id").asLong());
            assertEquals(List.of(), bot.coach().conversation().outbox().pending());
            assertTrue(bot.type(1, "/accounts").get(0).buttons().contains("Owed Co"));
            long copies = bot.api().calls("sendMessage").stream()
                    .filter(c -> c.params().path("text").asText().contains("Added <b>Owed Co</b>")).count();
            assertEquals(1, copies);
            assertEquals(List.of(), bot.api().violations());
        }
    }
}
