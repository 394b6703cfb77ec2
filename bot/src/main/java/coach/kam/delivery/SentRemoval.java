package coach.kam.delivery;

import coach.kam.store.Store;
import coach.kam.store.Tx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes from the store the queue's entries the messenger accepted (or refused for good). A
 * removal rides along in a transaction that commits anyway ({@link #removeSent}); what none took
 * within the delay is removed by a thread of its own, many in one commit. An entry is forgotten
 * here only once its removal committed, so a removal that rolls back is tried again.
 */
final class SentRemoval {
    private static final Logger LOG = LoggerFactory.getLogger(SentRemoval.class);

    /** Removes one entry (and what belongs to it) in a transaction. */
    interface Forget {
        void forget(Tx tx, long seq);
    }

    private final Store store;
    private final Duration delay;
    private final Forget forget;
    private final Object lock = new Object();
    // guarded by lock
    /** Sequence numbers accepted and not yet removed by a committed transaction. */
    private final List<Long> acks = new ArrayList<>();
    private boolean closed;
    private Thread thread;

    SentRemoval(Store store, Duration delay, Forget forget) {
        this.store = store;
        this.delay = delay;
        this.forget = forget;
    }

    /** The messenger accepted (or refused for good) this entry: it leaves the store. */
    void accepted(long seq) {
        synchronized (lock) {
            acks.add(seq);
            lock.notifyAll();
        }
    }

    void start() {
        thread = SendQueue.daemon("kam-send-ack").newThread(this::loop);
        thread.start();
    }

    Thread thread() {
        return thread;
    }

    /** Removes the entries accepted since the last call in the caller's transaction. */
    void removeSent(Tx tx) {
        List<Long> batch;
        synchronized (lock) {
            if (acks.isEmpty()) {
                return;
            }
            batch = new ArrayList<>(acks);
        }
        batch.forEach(seq -> forget.forget(tx, seq));
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
     * Removes accepted entries that no other transaction took within the delay, many in one
     * commit; a removal that rolls back is tried again after a pause.
     */
    private void loop() {
        int failures = 0;
        while (true) {
            List<Long> batch = next();
            if (batch == null) {
                return;
            }
            try {
                store.inTransaction(tx -> {
                    batch.forEach(seq -> forget.forget(tx, seq));
                    return null;
                });
                acknowledged(batch);
                failures = 0;
            } catch (RuntimeException e) {
                // the removal rolled back: the entries stay acknowledged, for the next try or for close()
                failures++;
                long backoff = SendQueue.backoff(failures);
                LOG.warn("could not remove sent messages from the queue (attempt {}), trying again in {} ms: {}",
                        failures, backoff / 1_000_000, e.toString());
                if (!pause(backoff)) {
                    return;
                }
            }
        }
    }

    /**
     * Waits for accepted entries, then the delay more for another transaction to take them; returns
     * what is left, or null once stopped with none left (or interrupted).
     */
    private List<Long> next() {
        synchronized (lock) {
            try {
                while (true) {
                    while (acks.isEmpty() && !closed) {
                        lock.wait();
                    }
                    long deadline = System.nanoTime() + delay.toNanos();
                    long left;
                    while (!closed && !acks.isEmpty() && (left = deadline - System.nanoTime()) > 0) {
                        TimeUnit.NANOSECONDS.timedWait(lock, left);
                    }
                    if (!acks.isEmpty()) {
                        return new ArrayList<>(acks);
                    }
                    if (closed) {
                        return null;
                    }
                }
            } catch (InterruptedException e) {
                return null;
            }
        }
    }

    /** Waits {@code nanos} unless stopped first; false when stopped (or interrupted). */
    private boolean pause(long nanos) {
        synchronized (lock) {
            long until = System.nanoTime() + nanos;
            long left;
            while (!closed && (left = until - System.nanoTime()) > 0) {
                try {
                    TimeUnit.NANOSECONDS.timedWait(lock, left);
                } catch (InterruptedException ie) {
                    return false;
                }
            }
            return !closed;
        }
    }

    /** Stops the thread once what it holds is removed. */
    void stop() {
        synchronized (lock) {
            closed = true;
            lock.notifyAll();
        }
    }

    /** After {@link #stop} and the last sends: removes what they accepted, in one transaction. */
    void removeLast() {
        List<Long> last;
        synchronized (lock) {
            last = new ArrayList<>(acks);
            acks.clear();
        }
        if (!last.isEmpty()) {
            try {
                store.inTransaction(tx -> {
                    last.forEach(seq -> forget.forget(tx, seq));
                    return null;
                });
            } catch (RuntimeException e) {
                LOG.debug("could not remove sent messages from the queue: {}", e.toString());
            }
        }
    }
}
