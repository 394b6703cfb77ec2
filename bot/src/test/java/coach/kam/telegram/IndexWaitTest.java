package coach.kam.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.kam.KamCoach;
import coach.kam.retrieval.SearchIndexes;
import coach.kam.store.MapDbStore;
import coach.kam.testing.ChatDriver.Shown;
import coach.kam.testing.MutableClock;
import coach.kam.testing.TelegramDriver;
import coach.kam.testing.TestCoach;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A turn that needs the search index before it is built says "one moment", keeps nothing it
 * changed (here: the question the bot was waiting for), and runs again from scratch once the index
 * is ready, while other chats are answered meanwhile and polling goes on.
 */
class IndexWaitTest {

    @TempDir
    Path dir;

    @Test
    void aQuestionWaitsForTheIndexWithoutHoldingUpOtherChats() throws Exception {
        CompletableFuture<SearchIndexes.Ready> building = new CompletableFuture<>();
        MutableClock clock = MutableClock.at("2026-11-27T02:00:00Z");
        FakeBotApi api = FakeBotApi.start(TelegramDriver.TOKEN);
        try (TelegramDriver bot = new TelegramDriver(dir, clock, "en", Set.of(), api,
                url -> TelegramRunner.Settings.of(TelegramDriver.TOKEN, url, 0),
                d -> KamCoach.assemble(TestCoach.config(d), clock, TestCoach.knowledge(), MapDbStore.open(d),
                        SearchIndexes.from(building), Optional.empty()))) {
            assertTrue(bot.type(1, "/ask").get(0).text().contains("?"), "the bot asks for the question");
            long question = api.enqueueText(1, "how do we evaluate a key account?");
            api.awaitCall("sendMessage", p -> p.path("chat_id").asLong() == 1
                    && p.path("text").asText().contains("One moment"), Duration.ofSeconds(30));

            // another chat is answered while chat 1 waits, and polling goes on
            List<Shown> help = bot.type(2, "/help");
            assertTrue(help.get(0).text().contains("KAM Coach"));

            building.complete(TestCoach.indexes());
            assertTrue(bot.runner().awaitHandled(question, Duration.ofSeconds(60)));
            FakeBotApi.Call answer = api.awaitCall("sendMessage", p -> p.path("chat_id").asLong() == 1
                    && p.path("text").asText().contains("Sources"), Duration.ofSeconds(30));
            assertTrue(answer.params().path("text").asText().length() > 50);
            long waits = api.calls("sendMessage").stream()
                    .filter(c -> c.params().path("text").asText().contains("One moment")).count();
            assertEquals(1, waits, "one notice, not one per try");
            assertEquals(List.of(), api.violations());
        }
    }
}
