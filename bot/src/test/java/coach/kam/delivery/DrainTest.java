package coach.kam.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.kam.conversation.Reply;
import coach.kam.store.MapDbStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a stop waits for: the messages still queued go out first, for as long as it allows. */
class DrainTest {

    @Test
    void awaitEmptyWaitsForQueuedMessagesAndGivesUpAtItsLimit(@TempDir Path dir) throws Exception {
        CountDownLatch inFlight = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<String> sent = new CopyOnWriteArrayList<>();
        Transport slowFirst = (chat, message) -> {
            if (sent.isEmpty()) {
                inFlight.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            sent.add(message.html());
            return Transport.Outcome.ACCEPTED;
        };
        try (MapDbStore store = MapDbStore.open(dir); SendQueue queue = new SendQueue(store)) {
            assertTrue(queue.awaitEmpty(Duration.ZERO), "a queue that is not sending holds nothing up");
            assertFalse(queue.dispatcherAlive());
            queue.start(slowFirst, new Pacer(0, System::nanoTime), 2);
            assertTrue(queue.dispatcherAlive());
            store.inTransaction(tx -> {
                queue.enqueue(tx, 1, List.of(Reply.of("first"), Reply.of("second")));
                return null;
            });
            queue.wake();
            assertTrue(inFlight.await(20, TimeUnit.SECONDS));
            assertFalse(queue.awaitEmpty(Duration.ofMillis(50)), "one in flight, one behind it");
            assertEquals(2, queue.pending());
            release.countDown();
            assertTrue(queue.awaitEmpty(Duration.ofSeconds(20)));
            assertEquals(List.of("first", "second"), sent);
            assertEquals(0, queue.pending());
        }
    }
}
