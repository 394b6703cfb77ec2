package coach.kam.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.kam.KamCoach;
import coach.kam.conversation.Conversation;
import coach.kam.conversation.Event;
import coach.kam.testing.MutableClock;
import coach.kam.testing.TelegramDriver;
import coach.kam.testing.TestCoach;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A reply committed but never sent (the process died in between) is sent at the next start, once. */
class OwedRepliesTest {

    @Test
    void aReplyLostBetweenCommitAndSendIsSentAtTheNextStart() throws Exception {
        Path dir = Files.createTempDirectory("kam-owed");
        MutableClock clock = MutableClock.at("2026-11-27T02:00:00Z");
        try (KamCoach first = TestCoach.start(dir, clock)) {
            // the turn commits its reply into the send queue; this process never starts sending
            Event created = new Event(1, 1, 500L, "/new Owed Co", null, null, "en");
            first.store().inTransaction(tx -> {
                Conversation.Outcome o = first.conversation().handleIn(tx, created);
                first.sendQueue().enqueue(tx, 1, o.replies());
                return null;
            });
            assertEquals(1, first.sendQueue().pending());
        }
        try (TelegramDriver bot = new TelegramDriver(dir, clock, "en", Set.of(1L))) {
            FakeBotApi.Call sent = bot.api().awaitCall("sendMessage",
                    p -> p.path("text").asText().contains("Added <b>Owed Co</b>"), Duration.ofSeconds(20));
            assertEquals(1, sent.params().path("chat_id").asLong());
            bot.skipSent(); // the owed reply went out on its own, not as an answer to what is typed next
            assertTrue(bot.type(1, "/accounts").get(0).buttons().contains("Owed Co"));
            assertEquals(0, bot.coach().sendQueue().pending());
            long copies = bot.api().calls("sendMessage").stream()
                    .filter(c -> c.params().path("text").asText().contains("Added <b>Owed Co</b>")).count();
            assertEquals(1, copies);
            assertEquals(java.util.List.of(), bot.api().violations());
        }
    }
}
