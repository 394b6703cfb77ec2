package coach.kam.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.kam.conversation.Reply;
import coach.kam.store.MapDbStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The send queue's decisions, with a scripted transport and a clock moved by hand. */
class SendQueueTest {
    private final AtomicLong now = new AtomicLong(5_000_000_000L);

    @TempDir
    Path dir;

    /** Answers with scripted outcomes (then ACCEPTED) and records every attempt. */
    private static final class Scripted implements Transport {
        final Deque<Outcome> script = new ArrayDeque<>();
        final List<String> attempts = new ArrayList<>();

        @Override
        public synchronized Outcome send(long chatId, Reply message) {
            attempts.add(chatId + ":" + message.html());
            notifyAll();
            return script.isEmpty() ? Outcome.ACCEPTED : script.poll();
        }

        synchronized void awaitAttempts(int n) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (attempts.size() < n) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("expected " + n + " attempts, saw " + attempts);
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
        }

        synchronized List<String> attempts() {
            return List.copyOf(attempts);
        }
    }

    private void enqueue(MapDbStore store, SendQueue queue, long chat, String... texts) {
        store.inTransaction(tx -> {
            queue.enqueue(tx, chat, java.util.Arrays.stream(texts).map(Reply::of).toList());
            return null;
        });
    }

    @Test
    void retryAfterHoldsThatChatOnlyAndOrderIsKept() throws Exception {
        try (MapDbStore store = MapDbStore.open(dir); SendQueue queue = new SendQueue(store)) {
            Scripted transport = new Scripted();
            transport.script.add(Transport.Outcome.retryAfter(5));
            queue.start(transport, new Pacer(0, now::get), 2);
            enqueue(store, queue, 1, "a1", "a2");
            transport.awaitAttempts(1);
            enqueue(store, queue, 2, "b1");
            transport.awaitAttempts(2);
            assertEquals(List.of("1:a1", "2:b1"), transport.attempts(), "chat 2 goes on while chat 1 waits");
            now.addAndGet(TimeUnit.SECONDS.toNanos(4));
            queue.wake();
            assertTrue(queue.awaitIdle(2, Duration.ofSeconds(5)));
            assertEquals(2, transport.attempts().size(), "chat 1 still waits: retry_after was 5 s");
            now.addAndGet(TimeUnit.SECONDS.toNanos(1));
            queue.wake();
            assertTrue(queue.awaitIdle(1, Duration.ofSeconds(20)));
            assertEquals(List.of("1:a1", "2:b1", "1:a1", "1:a2"), transport.attempts());
        }
    }

    @Test
    void serverErrorsBackOffAndTheEntryStaysUntilAccepted() throws Exception {
        try (MapDbStore store = MapDbStore.open(dir); SendQueue queue = new SendQueue(store)) {
            Scripted transport = new Scripted();
            transport.script.add(Transport.Outcome.transientFailure("502"));
            transport.script.add(Transport.Outcome.transientFailure("timeout"));
            queue.start(transport, new Pacer(0, now::get), 1);
            enqueue(store, queue, 7, "hello");
            transport.awaitAttempts(1);
            now.addAndGet(TimeUnit.MILLISECONDS.toNanos(500));
            queue.wake();
            transport.awaitAttempts(2);
            assertEquals(1, store.inTransaction(tx -> tx.withPrefix(SendQueue.ENTRIES, "")).size(),
                    "kept in the store until accepted");
            now.addAndGet(TimeUnit.MILLISECONDS.toNanos(1000));
            queue.wake();
            assertTrue(queue.awaitIdle(7, Duration.ofSeconds(20)));
            assertEquals(3, transport.attempts().size());
        }
    }

    @Test
    void aChatThatBlockedTheBotGetsNothingUntilTheUserWritesAgain() throws Exception {
        try (MapDbStore store = MapDbStore.open(dir); SendQueue queue = new SendQueue(store)) {
            Scripted transport = new Scripted();
            transport.script.add(Transport.Outcome.blocked("Forbidden: bot was blocked by the user"));
            queue.start(transport, new Pacer(0, now::get), 1);
            enqueue(store, queue, 9, "one", "two");
            assertTrue(queue.awaitIdle(9, Duration.ofSeconds(20)));
            assertTrue(queue.isInactive(9));
            enqueue(store, queue, 9, "a check-in nobody will read");
            assertEquals(List.of("9:one"), transport.attempts());
            store.inTransaction(tx -> {
                queue.chatWrote(tx, 9);
                queue.enqueue(tx, 9, List.of(Reply.of("welcome back")));
                return null;
            });
            assertFalse(queue.isInactive(9));
            assertTrue(queue.awaitIdle(9, Duration.ofSeconds(20)));
            assertEquals(List.of("9:one", "9:welcome back"), transport.attempts());
        }
    }

    @Test
    void whatWasNotSentIsSentByTheNextStart() throws Exception {
        try (MapDbStore store = MapDbStore.open(dir)) {
            try (SendQueue first = new SendQueue(store)) {
                enqueue(store, first, 3, "owed 1", "owed 2");
            }
            try (SendQueue second = new SendQueue(store)) {
                Scripted transport = new Scripted();
                second.start(transport, new Pacer(0, now::get), 1);
                assertTrue(second.awaitIdle(3, Duration.ofSeconds(20)));
                assertEquals(List.of("3:owed 1", "3:owed 2"), transport.attempts());
            }
            // removals are committed in batches by the acknowledgement thread; closing flushes them
            assertEquals(0, store.inTransaction(tx -> tx.withPrefix(SendQueue.ENTRIES, "")).size());
        }
    }
}
