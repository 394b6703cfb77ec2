package coach.kam.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.kam.conversation.Reply;
import coach.kam.store.MapDbStore;
import coach.kam.store.Store;
import coach.kam.store.StoreException;
import coach.kam.store.Tx;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Removing accepted messages from the queue rides along in some transaction; when that
 * transaction rolls back, the messages must be removed by a later one, not sent again at the next
 * start.
 */
class SentRemovalRollbackTest {
    private final AtomicLong now = new AtomicLong(5_000_000_000L);

    @TempDir
    Path dir;

    /** The real store, whose next transaction fails at commit when armed (its writes roll back). */
    private static final class CommitFailsOnce implements Store {
        final MapDbStore real;
        volatile boolean armed;
        final AtomicInteger failures = new AtomicInteger();

        CommitFailsOnce(MapDbStore real) {
            this.real = real;
        }

        @Override
        public <T> T inTransaction(Function<Tx, T> work) {
            return real.inTransaction(tx -> {
                T result = work.apply(tx);
                if (armed) {
                    armed = false;
                    synchronized (this) {
                        failures.incrementAndGet();
                        notifyAll();
                    }
                    throw new StoreException("commit failed: no space left on device", null);
                }
                return result;
            });
        }

        synchronized void awaitFailures(int n) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (failures.get() < n) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("no commit failed");
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
        }

        @Override
        public void close() {
        }
    }

    /** Accepts everything and records what was sent. */
    private static final class Recording implements Transport {
        final List<String> sent = new ArrayList<>();

        @Override
        public synchronized Outcome send(long chatId, Reply message) {
            sent.add(chatId + ":" + message.html());
            return Outcome.ACCEPTED;
        }

        synchronized List<String> sent() {
            return List.copyOf(sent);
        }
    }

    private static void enqueue(Store store, SendQueue queue, long chat, String text) {
        store.inTransaction(tx -> {
            queue.enqueue(tx, chat, List.of(Reply.of(text)));
            return null;
        });
    }

    private int entries(MapDbStore store) {
        return store.inTransaction(tx -> tx.withPrefix(SendQueue.ENTRIES, "")).size();
    }

    /** The next start sends only what it is given now: anything owed by the first run would come first. */
    private List<String> sentByTheNextStart(MapDbStore real) throws InterruptedException {
        try (SendQueue next = new SendQueue(real)) {
            Recording transport = new Recording();
            next.start(transport, new Pacer(0, now::get), 1);
            enqueue(real, next, 1, "next");
            assertTrue(next.awaitIdle(1, Duration.ofSeconds(20)));
            return transport.sent();
        }
    }

    @Test
    void anUpdateTransactionThatRollsBackLeavesItsRemovalsToTheNextOne() throws Exception {
        try (MapDbStore real = MapDbStore.open(dir)) {
            CommitFailsOnce store = new CommitFailsOnce(real);
            // the acknowledgement thread waits long enough that update transactions do the removing
            try (SendQueue queue = new SendQueue(store, Duration.ofHours(1))) {
                Recording transport = new Recording();
                queue.start(transport, new Pacer(0, now::get), 1);
                enqueue(store, queue, 1, "hello");
                assertTrue(queue.awaitIdle(1, Duration.ofSeconds(20)));
                assertEquals(List.of("1:hello"), transport.sent());

                store.armed = true;
                assertThrows(StoreException.class, () -> store.inTransaction(tx -> {
                    queue.removeSent(tx);
                    return null;
                }));
                assertEquals(1, entries(real), "the removal rolled back with its transaction");

                store.inTransaction(tx -> {
                    queue.removeSent(tx);
                    return null;
                });
                assertEquals(0, entries(real), "the next transaction removes what the failed one could not");
            }
            assertEquals(List.of("1:next"), sentByTheNextStart(real), "hello is not sent a second time");
        }
    }

    @Test
    void aRemovalCommitThatFailsOnTheAcknowledgementThreadIsNotLost() throws Exception {
        try (MapDbStore real = MapDbStore.open(dir)) {
            CommitFailsOnce store = new CommitFailsOnce(real);
            try (SendQueue queue = new SendQueue(store)) {
                Recording transport = new Recording();
                queue.start(transport, new Pacer(0, now::get), 1);
                // from here the only transaction through this store is the acknowledgement thread's removal
                store.armed = true;
                enqueue(real, queue, 1, "hello");
                assertTrue(queue.awaitIdle(1, Duration.ofSeconds(20)));
                store.awaitFailures(1);
            }
            assertEquals(0, entries(real), "removed by a later try or when the queue closed");
            assertEquals(List.of("1:next"), sentByTheNextStart(real), "hello is not sent a second time");
        }
    }
}
