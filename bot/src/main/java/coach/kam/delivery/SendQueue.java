package coach.kam.delivery;

import coach.kam.conversation.Reply;
import coach.kam.store.Store;
import coach.kam.store.Keys;
import coach.kam.store.Table;
import coach.kam.store.Tx;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every outgoing message, reply or scheduled, waits here in the store until the messenger accepted
 * it. {@link #enqueue} writes messages in the caller's transaction, so they exist exactly when the
 * change that caused them does. One dispatcher drains the queue: one message in flight per chat,
 * so each chat's order is kept; about a message a second per chat with a burst of three, and the
 * overall rate under the configured limit; it honours retry_after per chat, backs off on server
 * errors and timeouts, and stops writing to a chat that blocked the bot until the user writes
 * again. An entry is removed only after the messenger accepted it, so a crash sends it again
 * rather than lose it. The sending itself is {@link Dispatch}'s, the removal {@link SentRemoval}'s;
 * here are the durable entries: written, loaded again at start, and forgotten with their documents.
 */
public final class SendQueue implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SendQueue.class);

    /** One message waiting to be sent. */
    public record Entry(long seq, long chatId, Reply reply) {
    }

    /** A chat that blocked the bot. */
    public record Inactive(long chatId, Instant since) {
    }

    static final Table<Entry> ENTRIES = Table.operational("send-queue", Entry.class);
    static final Table<Inactive> INACTIVE = Table.operational("inactive-chats", Inactive.class);

    /** The content of a document waiting in the queue, kept out of the entry (which stays small and in memory). */
    public record DocumentBytes(byte[] bytes) {
    }

    static final Table<DocumentBytes> DOCUMENTS = Table.operational("send-documents", DocumentBytes.class);

    /** The tables kept here, for the program's catalogue ({@code coach.kam.Catalogue}). */
    public static final List<Table<?>> TABLES = List.of(ENTRIES, INACTIVE, DOCUMENTS);
    static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
    static final Duration FIRST_BACKOFF = Duration.ofMillis(500);

    private final Store store;
    private final Set<Long> inactive = ConcurrentHashMap.newKeySet();
    private final SentRemoval removal;
    private final Dispatch dispatch;

    public SendQueue(Store store) {
        this(store, Duration.ofMillis(ACK_DELAY_MILLIS));
    }

    /** With how long accepted entries wait for another transaction to remove them (tests lengthen it). */
    SendQueue(Store store, Duration ackDelay) {
        this.store = store;
        this.removal = new SentRemoval(store, ackDelay, SendQueue::forget);
        this.dispatch = new Dispatch(new Dispatch.Owner() {
            @Override
            public Reply withContent(Reply part) {
                return SendQueue.this.withContent(part);
            }

            @Override
            public void blocked(long chatId) {
                recordBlocked(chatId);
            }
        }, inactive, removal);
        store.inTransaction(tx -> {
            tx.withPrefix(INACTIVE, "").forEach(i -> inactive.add(i.chatId()));
            return null;
        });
    }

    /**
     * Queues replies for a chat in the caller's transaction; they are sent after it commits, in
     * order, after anything queued for that chat before. A chat that blocked the bot gets nothing.
     */
    public void enqueue(Tx tx, long chatId, List<Reply> replies) {
        if (replies.isEmpty() || inactive.contains(chatId)) {
            return;
        }
        List<Entry> added = new ArrayList<>();
        for (Reply reply : replies) {
            long seq = tx.nextId("send-queue");
            if (reply.hasDocument() && reply.document().bytes() != null) {
                tx.put(DOCUMENTS, key(seq), new DocumentBytes(reply.document().bytes()));
                reply = reply.withDocument(reply.document().withRef(key(seq)));
            }
            Entry e = new Entry(seq, chatId, reply);
            tx.put(ENTRIES, key(e.seq()), e);
            added.add(e);
        }
        tx.afterCommit(() -> dispatch.add(added));
    }

    /** The user wrote: a chat marked as blocking the bot is active again. */
    public void chatWrote(Tx tx, long chatId) {
        if (inactive.remove(chatId)) {
            tx.delete(INACTIVE, Keys.of(chatId));
        }
    }

    public boolean isInactive(long chatId) {
        return inactive.contains(chatId);
    }

    /** Loads what a previous run left unsent and starts the dispatcher with {@code senders} concurrent sends. */
    public void start(Transport transport, Pacer pacer, int senders) {
        List<Entry> owed = store.inTransaction(tx -> tx.withPrefix(ENTRIES, ""));
        dispatch.begin(transport, pacer, senders, owed);
        if (!owed.isEmpty()) {
            LOG.info("{} message(s) left unsent by the previous run are queued again", owed.size());
        }
        dispatch.startThread();
        removal.start();
    }

    /** Makes the dispatcher look again now (after the injected clock moved, in tests). */
    public void wake() {
        dispatch.wake();
    }

    /** Messages waiting or in flight. */
    public int pending() {
        return dispatch.pending();
    }

    /** Messages the messenger accepted since start. */
    public long sent() {
        return dispatch.sent();
    }

    /** Waits until nothing is waiting or in flight for any chat (or the queue is not sending); false on timeout. */
    public boolean awaitEmpty(Duration timeout) throws InterruptedException {
        return dispatch.awaitEmpty(timeout);
    }

    /** Whether the dispatcher thread runs (false before start and after close). */
    public boolean dispatcherAlive() {
        return dispatch.alive();
    }

    /** Waits until nothing is waiting or in flight for this chat; false on timeout. */
    public boolean awaitIdle(long chatId, Duration timeout) throws InterruptedException {
        return dispatch.awaitIdle(chatId, timeout);
    }

    private static void forget(Tx tx, long seq) {
        java.util.Optional<Entry> e = tx.get(ENTRIES, key(seq));
        tx.delete(ENTRIES, key(seq));
        tx.delete(DOCUMENTS, key(seq));
        e.map(Entry::reply).filter(Reply::hasDocument).map(r -> r.document().file())
                .ifPresent(file -> tx.afterCommit(() -> removeFile(file)));
    }

    /** A file sent (or given up on) is the queue's to remove. */
    private static void removeFile(String file) {
        try {
            java.nio.file.Files.deleteIfExists(java.nio.file.Path.of(file));
        } catch (java.io.IOException | RuntimeException e) {
            LOG.warn("a sent file could not be removed: {}", e.toString());
        }
    }

    /** A document's content, read back from the store just before it is sent. */
    private Reply withContent(Reply part) {
        if (!part.hasDocument() || part.document().bytes() != null || part.document().ref() == null) {
            return part;
        }
        byte[] bytes = store.inTransaction(tx -> tx.get(DOCUMENTS, part.document().ref()))
                .map(DocumentBytes::bytes).orElse(new byte[0]);
        return part.withDocument(part.document().withBytes(bytes));
    }

    /** A chat blocked the bot: noted in the store, so it stays dropped after a restart. */
    private void recordBlocked(long chatId) {
        try {
            store.inTransaction(tx -> {
                tx.put(INACTIVE, Keys.of(chatId), new Inactive(chatId, Instant.now()));
                return null;
            });
        } catch (RuntimeException e) {
            LOG.warn("could not record that chat {} blocked the bot: {}", chatId, e.toString());
        }
    }

    /** How long accepted entries wait for another transaction to remove them before one commits for them. */
    static final long ACK_DELAY_MILLIS = 100;

    /**
     * Removes the entries accepted since the last call in the caller's transaction, which commits
     * anyway: a commit costs an fsync, so removals ride along instead of committing on their own.
     */
    public void removeSent(Tx tx) {
        removal.removeSent(tx);
    }

    /** Stops sending; what is still queued stays in the store for the next start. */
    @Override
    public void close() {
        dispatch.stop();
        removal.stop();
        dispatch.finish(removal.thread());
        // acknowledgements of sends that finished while stopping
        removal.removeLast();
    }

    /** The wait after {@code failures} failures in a row: from half a second, doubling, at most 30 s. */
    static long backoff(int failures) {
        return Math.min(MAX_BACKOFF.toNanos(), FIRST_BACKOFF.toNanos() << Math.min(16, failures - 1));
    }

    private static String key(long seq) {
        return Keys.queue(seq);
    }

    static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
