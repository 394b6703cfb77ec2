package coach.kam.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.kam.KamCoach;
import coach.kam.retrieval.SearchIndexes;
import coach.kam.store.MapDbStore;
import coach.kam.testing.MutableClock;
import coach.kam.testing.TestCoach;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** A question that arrives while the search index is still being built gets "one moment", then its answer. */
class IndexNotReadyTest {

    @Test
    void aQuestionBeforeTheIndexIsReadyIsAnsweredWhenItIs() throws Exception {
        Path dir = Files.createTempDirectory("kam-not-ready");
        CompletableFuture<SearchIndexes.Ready> building = new CompletableFuture<>();
        try (KamCoach coach = KamCoach.assemble(TestCoach.config(dir), MutableClock.at("2026-11-27T02:00:00Z"),
                TestCoach.knowledge(), MapDbStore.open(dir), SearchIndexes.from(building), Optional.empty())) {
            List<String> sent = new CopyOnWriteArrayList<>();
            Event question = new Event(1, 1, 41L, "how do we evaluate a key account?", null, null, "en");
            coach.conversation().handle(question, replies -> {
                replies.forEach(r -> sent.add(r.plainText()));
                if (sent.size() == 1) {
                    // The index finishes only after the rep was told to wait.
                    CompletableFuture.runAsync(() -> building.complete(TestCoach.indexes()));
                }
            });
            assertEquals(2, sent.size(), "a wait notice, then the answer: " + sent);
            assertTrue(sent.get(0).contains("One moment"));
            assertTrue(sent.get(1).contains("Sources"), sent.get(1));

            List<Reply> again = coach.conversation().handle(question);
            assertEquals(List.of(), again, "the same update delivered again changes and sends nothing");
        }
    }
}
