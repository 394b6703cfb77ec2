package coach.kam.delivery;

import coach.kam.conversation.Reply;
import coach.kam.store.Store;
import coach.kam.store.Table;
import coach.kam.store.Tx;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
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
 * rather than lose it.
 */
public final class SendQueue implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SendQueue.class);

    /** One message waiting to be sent. */
    public record Entry(long seq, long chatId, Reply reply) {
    }

    /** A chat that blocked the bot. */
    public record Inactive(long chatId, Instant since) {
    }

    static final Table<Entry> ENTRIES = Table.of("send-queue", Entry.class);
    static final Table<Inactive> INACTIVE = Table.of("inactive-chats", Inactive.class);

    /** The content of a document waiting in the queue, kept out of the entry (which stays small and in memory). */
    public record DocumentBytes(byte[] bytes) {
    }

    static final Table<DocumentBytes> DOCUMENTS = Table.of("send-documents", DocumentBytes.class);
    static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
    static final Duration FIRST_BACKOFF = Duration.ofMillis(500);

    private final Store store;
    private final Duration ackDelay;
    private final Set<Long> inactive = ConcurrentHashMap.newKeySet();

    private final Object lock = new Object();
    // guarded by lock
    private final Map<Long, Chat> chats = new LinkedHashMap<>();
    private final List<Long> acks = new ArrayList<>();
    private Transport transport;
    private Pacer pacer;
    private ExecutorService senders;
    private volatile Thread dispatcher;
    private Thread acker;
    private boolean closed;
    private long sent;

    private static final class Chat {
        final TreeMap<Long, Entry> entries = new TreeMap<>();
        boolean inFlight;
        long notBefore = Long.MIN_VALUE;
        int failures;
        /** Parts of the first entry already accepted (a long reply goes as several messages). */
        int partsDone;
        List<Reply> parts;
    }

    public SendQueue(Store store) {
        this(store, Duration.ofMillis(ACK_DELAY_MILLIS));
    }

    /** With how long accepted entries wait for another transaction to remove them (tests lengthen it). */
    SendQueue(Store store, Duration ackDelay) {
        this.store = store;
        this.ackDelay = ackDelay;
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
        tx.afterCommit(() -> add(added));
    }

    /** The user wrote: a chat marked as blocking the bot is active again. */
    public void chatWrote(Tx tx, long chatId) {
        if (inactive.remove(chatId)) {
            tx.delete(INACTIVE, Long.toString(chatId));
        }
    }

    public boolean isInactive(long chatId) {
        return inactive.contains(chatId);
    }

    /** Loads what a previous run left unsent and starts the dispatcher with {@code senders} concurrent sends. */
    public void start(Transport transport, Pacer pacer, int senders) {
        List<Entry> owed = store.inTransaction(tx -> tx.withPrefix(ENTRIES, ""));
        synchronized (lock) {
            this.transport = transport;
            this.pacer = pacer;
            this.senders = Executors.newFixedThreadPool(senders, daemon("kam-send"));
        }
        add(owed);
        if (!owed.isEmpty()) {
            LOG.info("{} message(s) left unsent by the previous run are queued again", owed.size());
        }
        dispatcher = daemon("kam-dispatch").newThread(this::dispatchLoop);
        acker = daemon("kam-send-ack").newThread(this::ackLoop);
        dispatcher.start();
        acker.start();
    }

    /** Makes the dispatcher look again now (after the injected clock moved, in tests). */
    public void wake() {
        synchronized (lock) {
            lock.notifyAll();
        }
    }

    /** Messages waiting or in flight. */
    public int pending() {
        synchronized (lock) {
            return chats.values().stream().mapToInt(c -> c.entries.size()).sum();
        }
    }

    /** Messages the messenger accepted since start. */
    public long sent() {
        synchronized (lock) {
            return sent;
        }
    }

    /** Waits until nothing is waiting or in flight for any chat (or the queue is not sending); false on timeout. */
    public boolean awaitEmpty(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (transport != null && !closed && chats.values().stream().anyMatch(c -> !c.entries.isEmpty())) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(lock, left);
            }
            return true;
        }
    }

    /** Whether the dispatcher thread runs (false before start and after close). */
    public boolean dispatcherAlive() {
        Thread t = dispatcher;
        return t != null && t.isAlive();
    }

    /** Waits until nothing is waiting or in flight for this chat; false on timeout. */
    public boolean awaitIdle(long chatId, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (true) {
                Chat c = chats.get(chatId);
                if (c == null || c.entries.isEmpty()) {
                    return true;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(lock, left);
            }
        }
    }

    private void add(List<Entry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        synchronized (lock) {
            for (Entry e : entries) {
                chats.computeIfAbsent(e.chatId(), id -> new Chat()).entries.put(e.seq(), e);
            }
            lock.notifyAll();
        }
    }

    private void dispatchLoop() {
        synchronized (lock) {
            long lastForget = pacer.now();
            while (!closed) {
                long now = pacer.now();
                long wakeAt = Long.MAX_VALUE;
                List<Long> sentNow = new ArrayList<>();
                for (Iterator<Map.Entry<Long, Chat>> it = chats.entrySet().iterator(); it.hasNext(); ) {
                    Map.Entry<Long, Chat> e = it.next();
                    Chat chat = e.getValue();
                    if (chat.entries.isEmpty() && !chat.inFlight) {
                        if (chat.failures == 0 && chat.notBefore <= now) {
                            it.remove();
                        }
                        continue;
                    }
                    if (chat.inFlight || chat.entries.isEmpty()) {
                        continue;
                    }
                    long at = Math.max(chat.notBefore, pacer.readyAt(e.getKey(), now));
                    if (at > now) {
                        wakeAt = Math.min(wakeAt, at);
                        continue;
                    }
                    pacer.take(e.getKey(), now);
                    chat.inFlight = true;
                    Entry next = chat.entries.firstEntry().getValue();
                    if (chat.parts == null) {
                        chat.parts = transport.split(next.reply());
                        chat.partsDone = 0;
                    }
                    Reply part = chat.parts.get(chat.partsDone);
                    senders.execute(() -> sendOne(next, part));
                    sentNow.add(e.getKey());
                }
                // round robin: the chats that just sent go to the back
                for (Long id : sentNow) {
                    chats.put(id, chats.remove(id));
                }
                if (now - lastForget > TimeUnit.SECONDS.toNanos(60)) {
                    pacer.forgetIdle(now);
                    lastForget = now;
                }
                try {
                    if (wakeAt == Long.MAX_VALUE) {
                        lock.wait();
                    } else {
                        TimeUnit.NANOSECONDS.timedWait(lock, Math.max(1, wakeAt - pacer.now()));
                    }
                } catch (InterruptedException ie) {
                    return;
                }
            }
        }
    }

    private void forget(Tx tx, long seq) {
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

    private void sendOne(Entry entry, Reply part) {
        long startedAt;
        synchronized (lock) {
            startedAt = pacer.now();
        }
        Transport.Outcome outcome;
        try {
            outcome = transport.send(entry.chatId(), withContent(part));
        } catch (RuntimeException e) {
            outcome = Transport.Outcome.transientFailure(e.toString());
        }
        boolean blocked = false;
        synchronized (lock) {
            Chat chat = chats.computeIfAbsent(entry.chatId(), id -> new Chat());
            chat.inFlight = false;
            // waits count from when the attempt started
            long now = startedAt;
            switch (outcome.kind()) {
                case ACCEPTED, REJECTED -> {
                    if (outcome.kind() == Transport.Kind.REJECTED) {
                        LOG.warn("message to chat {} refused for good, dropped: {}", entry.chatId(), outcome.detail());
                    } else {
                        sent++;
                    }
                    chat.failures = 0;
                    if (++chat.partsDone >= chat.parts.size() || outcome.kind() == Transport.Kind.REJECTED) {
                        chat.entries.remove(entry.seq());
                        chat.parts = null;
                        acks.add(entry.seq());
                    }
                }
                case RETRY_AFTER -> chat.notBefore = now + TimeUnit.SECONDS.toNanos(outcome.retryAfterSeconds());
                case TRANSIENT -> {
                    chat.failures++;
                    long backoff = Math.min(MAX_BACKOFF.toNanos(),
                            FIRST_BACKOFF.toNanos() << Math.min(16, chat.failures - 1));
                    chat.notBefore = now + backoff;
                    LOG.warn("sending to chat {} failed (attempt {}), retrying in {} ms: {}", entry.chatId(),
                            chat.failures, backoff / 1_000_000, outcome.detail());
                }
                case BLOCKED -> {
                    LOG.info("chat {} blocked the bot; its queued messages are dropped until the user writes again",
                            entry.chatId());
                    inactive.add(entry.chatId());
                    chat.entries.values().forEach(e -> acks.add(e.seq()));
                    chat.entries.clear();
                    chat.parts = null;
                    chat.failures = 0;
                    blocked = true;
                }
                default -> throw new IllegalStateException(outcome.kind().toString());
            }
            lock.notifyAll();
        }
        if (blocked) {
            try {
                store.inTransaction(tx -> {
                    tx.put(INACTIVE, Long.toString(entry.chatId()), new Inactive(entry.chatId(), Instant.now()));
                    return null;
                });
            } catch (RuntimeException e) {
                LOG.warn("could not record that chat {} blocked the bot: {}", entry.chatId(), e.toString());
            }
        }
    }

    /** How long accepted entries wait for another transaction to remove them before one commits for them. */
    static final long ACK_DELAY_MILLIS = 100;

    /**
     * Removes the entries accepted since the last call in the caller's transaction, which commits
     * anyway: a commit costs an fsync, so removals ride along instead of committing on their own.
     */
    public void removeSent(Tx tx) {
        List<Long> batch;
        synchronized (lock) {
            if (acks.isEmpty()) {
                return;
            }
            batch = new ArrayList<>(acks);
        }
        batch.forEach(seq -> forget(tx, seq));
        // forgotten only once the removal is durable: a transaction that rolls back leaves them for the next one
        tx.afterCommit(() -> acknowledged(batch));
    }

    private void acknowledged(List<Long> batch) {
        Set<Long> done = new HashSet<>(batch);
        synchronized (lock) {
            acks.removeIf(done::contains);
        }
    }

    /**
     * Removes accepted entries that no other transaction took within {@link #ACK_DELAY_MILLIS}, many in
     * one commit; a removal that rolls back is tried again after a pause.
     */
    private void ackLoop() {
        int failures = 0;
        while (true) {
            List<Long> batch;
            synchronized (lock) {
                while (acks.isEmpty() && !closed) {
                    try {
                        lock.wait();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                long deadline = System.nanoTime() + ackDelay.toNanos();
                long left;
                while (!closed && !acks.isEmpty() && (left = deadline - System.nanoTime()) > 0) {
                    try {
                        TimeUnit.NANOSECONDS.timedWait(lock, left);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                if (acks.isEmpty()) {
                    if (closed) {
                        return;
                    }
                    continue;
                }
                batch = new ArrayList<>(acks);
            }
            try {
                store.inTransaction(tx -> {
                    batch.forEach(seq -> forget(tx, seq));
                    return null;
                });
                acknowledged(batch);
                failures = 0;
            } catch (RuntimeException e) {
                // the removal rolled back: the entries stay acknowledged, for the next try or for close()
                failures++;
                long backoff = Math.min(MAX_BACKOFF.toNanos(), FIRST_BACKOFF.toNanos() << Math.min(16, failures - 1));
                LOG.warn("could not remove sent messages from the queue (attempt {}), trying again in {} ms: {}",
                        failures, backoff / 1_000_000, e.toString());
                synchronized (lock) {
                    long until = System.nanoTime() + backoff;
                    long left;
                    while (!closed && (left = until - System.nanoTime()) > 0) {
                        try {
                            TimeUnit.NANOSECONDS.timedWait(lock, left);
                        } catch (InterruptedException ie) {
                            return;
                        }
                    }
                    if (closed) {
                        return;
                    }
                }
            }
        }
    }

    /** Stops sending; what is still queued stays in the store for the next start. */
    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
            lock.notifyAll();
        }
        for (Thread t : new Thread[] {dispatcher, acker}) {
            if (t != null) {
                try {
                    t.join(TimeUnit.SECONDS.toMillis(5));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        if (senders != null) {
            senders.shutdown();
            try {
                senders.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        // acknowledgements of sends that finished while stopping
        List<Long> last;
        synchronized (lock) {
            last = new ArrayList<>(acks);
            acks.clear();
        }
        if (!last.isEmpty()) {
            try {
                store.inTransaction(tx -> {
                    last.forEach(seq -> forget(tx, seq));
                    return null;
                });
            } catch (RuntimeException e) {
                LOG.debug("could not remove sent messages from the queue: {}", e.toString());
            }
        }
    }

    private static String key(long seq) {
        return String.format("%019d", seq);
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
