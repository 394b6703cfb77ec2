package coach.kam.delivery;

import coach.kam.conversation.Reply;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The send queue's paced sending, in memory: one message in flight per chat (each chat's order
 * kept), chats taken round robin as the {@link Pacer} allows, retry_after held per chat, server
 * errors and timeouts backed off, a chat that blocked the bot dropped. What the messenger accepted
 * (or refused for good) goes to {@link SentRemoval}, which removes it from the store.
 */
final class Dispatch {
    private static final Logger LOG = LoggerFactory.getLogger(Dispatch.class);

    /** What sending needs from the durable queue. */
    interface Owner {
        /** The part with its document's content read back from the store. */
        Reply withContent(Reply part);

        /** A chat blocked the bot (called outside the lock); its entries are acknowledged already. */
        void blocked(long chatId);
    }

    private final Owner owner;
    private final Set<Long> inactive;
    private final SentRemoval removal;
    private final Object lock = new Object();
    // guarded by lock
    private final Map<Long, Chat> chats = new LinkedHashMap<>();
    private Transport transport;
    private Pacer pacer;
    private ExecutorService senders;
    private volatile Thread thread;
    private boolean closed;
    private long sent;

    private static final class Chat {
        final TreeMap<Long, SendQueue.Entry> entries = new TreeMap<>();
        boolean inFlight;
        long notBefore = Long.MIN_VALUE;
        int failures;
        /** Parts of the first entry already accepted (a long reply goes as several messages). */
        int partsDone;
        List<Reply> parts;
    }

    Dispatch(Owner owner, Set<Long> inactive, SentRemoval removal) {
        this.owner = owner;
        this.inactive = inactive;
        this.removal = removal;
    }

    /** Takes the transport and pacing, and {@code owed} entries, before {@link #startThread}. */
    void begin(Transport transport, Pacer pacer, int senders, List<SendQueue.Entry> owed) {
        synchronized (lock) {
            this.transport = transport;
            this.pacer = pacer;
            this.senders = Executors.newFixedThreadPool(senders, SendQueue.daemon("kam-send"));
        }
        add(owed);
    }

    void startThread() {
        thread = SendQueue.daemon("kam-dispatch").newThread(this::loop);
        thread.start();
    }

    void add(List<SendQueue.Entry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        synchronized (lock) {
            for (SendQueue.Entry e : entries) {
                chats.computeIfAbsent(e.chatId(), id -> new Chat()).entries.put(e.seq(), e);
            }
            lock.notifyAll();
        }
    }

    void wake() {
        synchronized (lock) {
            lock.notifyAll();
        }
    }

    int pending() {
        synchronized (lock) {
            return chats.values().stream().mapToInt(c -> c.entries.size()).sum();
        }
    }

    long sent() {
        synchronized (lock) {
            return sent;
        }
    }

    boolean alive() {
        Thread t = thread;
        return t != null && t.isAlive();
    }

    boolean awaitEmpty(Duration timeout) throws InterruptedException {
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

    boolean awaitIdle(long chatId, Duration timeout) throws InterruptedException {
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

    private void loop() {
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
                    SendQueue.Entry next = chat.entries.firstEntry().getValue();
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

    private void sendOne(SendQueue.Entry entry, Reply part) {
        long startedAt;
        synchronized (lock) {
            startedAt = pacer.now();
        }
        Transport.Outcome outcome;
        try {
            outcome = transport.send(entry.chatId(), owner.withContent(part));
        } catch (RuntimeException e) {
            outcome = Transport.Outcome.transientFailure(e.toString());
        }
        boolean blocked;
        synchronized (lock) {
            Chat chat = chats.computeIfAbsent(entry.chatId(), id -> new Chat());
            chat.inFlight = false;
            // waits count from when the attempt started
            blocked = settle(entry, chat, outcome, startedAt);
            lock.notifyAll();
        }
        if (blocked) {
            owner.blocked(entry.chatId());
        }
    }

    /** Under the lock: what an attempt's outcome does to its chat; true when the chat blocked the bot. */
    private boolean settle(SendQueue.Entry entry, Chat chat, Transport.Outcome outcome, long now) {
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
                    removal.accepted(entry.seq());
                }
            }
            case RETRY_AFTER -> chat.notBefore = now + TimeUnit.SECONDS.toNanos(outcome.retryAfterSeconds());
            case TRANSIENT -> {
                chat.failures++;
                long backoff = SendQueue.backoff(chat.failures);
                chat.notBefore = now + backoff;
                LOG.warn("sending to chat {} failed (attempt {}), retrying in {} ms: {}", entry.chatId(),
                        chat.failures, backoff / 1_000_000, outcome.detail());
            }
            case BLOCKED -> {
                LOG.info("chat {} blocked the bot; its queued messages are dropped until the user writes again",
                        entry.chatId());
                inactive.add(entry.chatId());
                chat.entries.values().forEach(e -> removal.accepted(e.seq()));
                chat.entries.clear();
                chat.parts = null;
                chat.failures = 0;
                return true;
            }
            default -> throw new IllegalStateException(outcome.kind().toString());
        }
        return false;
    }

    /** Stops the loop; threads waiting here wake. */
    void stop() {
        synchronized (lock) {
            closed = true;
            lock.notifyAll();
        }
    }

    /** After {@link #stop}: waits for the loop (and {@code alongside}), then for sends in flight. */
    void finish(Thread alongside) {
        for (Thread t : new Thread[] {thread, alongside}) {
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
    }
}
