package coach.kam.pipeline;

import coach.kam.delivery.SendQueue;
import coach.kam.quarantine.Quarantine;
import coach.kam.store.HandledUpdates;
import coach.kam.store.Store;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way in. {@link #receive} makes updates durable in the {@link Inbox} and returns; a
 * supervised handler thread ({@link HandlerThread}) takes what {@link ChatOrder} lets run and hands it to
 * {@link GroupRun}, which handles each update in isolation and commits them together; whatever
 * is left to do after the commit (deferred replies, a wait for the search index) runs in
 * {@link AfterWork}, which releases the chat when it is over.
 */
public final class Pipeline implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Pipeline.class);

    /** An update as the adapter received it: {@code decoded} (may be null) spares reading the JSON again. */
    public record Incoming(int updateId, long chatKey, String json, Object decoded) {
    }

    private final Store store;
    private final SendQueue queue;
    private final TurnHandler handler;
    private final Clock clock;
    private final InHand inHand;
    private final Completions completions = new Completions();
    private final AfterWork after;
    private final GroupRun run;
    private final Prepare prepare;
    private final HandlerThread handlerThread;

    private final Object monitor = new Object();
    // guarded by monitor
    private final ChatOrder order = new ChatOrder();
    /** Update ids of the entries waiting or in hand, so that a batch sent again is not taken twice. */
    private final Set<Integer> inInbox = new HashSet<>();
    /** When each entry in the inbox arrived (clock millis), by inbox sequence: the oldest is first. */
    private final java.util.concurrent.ConcurrentSkipListMap<Long, Long> arrived =
            new java.util.concurrent.ConcurrentSkipListMap<>();
    private volatile PipelineMeters meters = PipelineMeters.none();

    /**
     * {@code queue} is where replies go (null when the adapter delivers them itself in
     * {@code afterCommit}); {@code inHandFile} names the entry whose turn runs, so that a process death
     * is counted against its updates (null: not counted).
     */
    public Pipeline(Store store, SendQueue queue, TurnHandler handler, Clock clock, java.nio.file.Path inHandFile) {
        this(store, queue, Outbox.of(queue), handler, clock, inHandFile);
    }

    /** For an adapter that delivers replies itself ({@code outbox}), without a send queue. */
    public Pipeline(Store store, Outbox outbox, TurnHandler handler, Clock clock, java.nio.file.Path inHandFile) {
        this(store, null, outbox, handler, clock, inHandFile);
    }

    private Pipeline(Store store, SendQueue queue, Outbox outbox, TurnHandler handler, Clock clock,
                     java.nio.file.Path inHandFile) {
        this.store = store;
        this.queue = queue;
        this.handler = handler;
        this.clock = clock;
        this.inHand = new InHand(inHandFile);
        this.after = new AfterWork(store, outbox, this::finished);
        this.run = new GroupRun(queue, outbox, handler, clock, inHand);
        this.prepare = new Prepare(handler, this::ready);
        this.handlerThread = new HandlerThread(store, run, after, this::completed, monitor, order);
    }

    /** Loads what the previous run left in the inbox and starts handling. */
    public Pipeline start() {
        List<Inbox.Entry> left = Recovery.recover(store, inHand, handler, clock);
        if (!left.isEmpty()) {
            LOG.info("{} update(s) received by the previous run are handled now", left.size());
        }
        synchronized (monitor) {
            for (Inbox.Entry e : left) {
                Pending p = new Pending(e, null);
                queued(p);
                prepare.submit(p);
            }
            handlerThread.start();
        }
        return this;
    }

    // ---------------------------------------------------------------- intake

    /**
     * Makes updates durable (skipping those handled already) and queues them for handling. Returns
     * only once they are committed; throws when the store cannot take them.
     */
    public List<Pending> receive(List<Incoming> updates) {
        List<Pending> added = new ArrayList<>();
        Set<Integer> known;
        synchronized (monitor) {
            known = new HashSet<>(inInbox);
        }
        store.inTransaction(tx -> {
            added.clear();
            if (queue != null) {
                queue.removeSent(tx);
            }
            for (Incoming u : updates) {
                // a batch Telegram sends again (its offset was not confirmed) is in the inbox already
                if (u.updateId() != 0 && (known.contains(u.updateId()) || HandledUpdates.in(tx).isHandled(u.updateId()))) {
                    continue;
                }
                added.add(new Pending(Inbox.add(tx, u.updateId(), u.chatKey(), u.json()), u.decoded()));
            }
            return null;
        });
        synchronized (monitor) {
            added.forEach(this::queued);
        }
        meters.received.increment(added.size());
        added.forEach(prepare::submit);
        return added;
    }

    /** Puts a quarantined update back in the inbox, to be handled as if it had just arrived. */
    public Optional<Pending> retry(long quarantineId) {
        Optional<Pending> back = store.inTransaction(tx -> Quarantine.take(tx, quarantineId)
                .filter(i -> i.kind() == Quarantine.Kind.UPDATE)
                .map(i -> new Pending(Inbox.add(tx, i.updateId(), i.userId(), i.payload()), null)));
        back.ifPresent(p -> {
            synchronized (monitor) {
                queued(p);
            }
            prepare.submit(p);
        });
        return back;
    }

    /** Under the monitor: the entry waits in its chat's line. */
    private void queued(Pending p) {
        arrived.putIfAbsent(p.entry().seq(), clock.millis());
        order.add(p);
        if (p.entry().updateId() != 0) {
            inInbox.add(p.entry().updateId());
        }
    }

    private void completed(Completions.Done d) {
        synchronized (monitor) {
            inInbox.remove(d.updateId());
        }
        arrived.remove(d.seq());
        completions.done(d);
    }

    private void ready(Pending p) {
        synchronized (monitor) {
            p.markPrepared();
            monitor.notifyAll();
        }
    }

    private void finished(long chat, Completions.Done done) {
        synchronized (monitor) {
            order.release(chat);
            monitor.notifyAll();
        }
        if (done != null) {
            completed(done);
        }
    }

    // ---------------------------------------------------------------- waiting for results

    /**
     * An update answered before the inbox (a stranger refused at the door): it is never stored, and
     * counts as handled for whoever waits on it.
     */
    public void answeredAtDoor(int updateId, long chat) {
        completions.done(new Completions.Done(-1L - updateId, updateId, chat));
    }

    /**
     * Waits until the update with this id was handled by this process and the messages queued for
     * its chat were accepted; false on timeout.
     */
    public boolean awaitHandled(int updateId, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Optional<Long> chat = completions.awaitUpdate(updateId, timeout);
        if (chat.isEmpty()) {
            return false;
        }
        return queue == null || queue.awaitIdle(chat.get(), Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
    }

    /** Waits until the inbox entry {@code seq} was handled (its deferred work included); false on timeout. */
    public boolean awaitEntry(long seq, Duration timeout) throws InterruptedException {
        return completions.awaitSeq(seq, timeout).isPresent();
    }

    /** Updates received but not handled yet. */
    public int waiting() {
        synchronized (monitor) {
            return order.waiting();
        }
    }

    /**
     * Counts updates received, handled, failed and set aside, and times turns, in {@code registry};
     * the inbox's depth and the age of its oldest entry are read from here. Returns this pipeline.
     */
    public Pipeline instrument(io.micrometer.core.instrument.MeterRegistry registry) {
        PipelineMeters m = PipelineMeters.in(registry);
        meters = m;
        run.meters = m;
        io.micrometer.core.instrument.Gauge.builder("kam.inbox.depth", this, Pipeline::inInbox)
                .description("updates in the inbox (received, not handled yet)").register(registry);
        io.micrometer.core.instrument.Gauge.builder("kam.inbox.oldest.age", this, p -> p.oldestWaiting().toMillis() / 1000.0)
                .baseUnit("seconds").description("how long the oldest update in the inbox has waited")
                .register(registry);
        return this;
    }

    /** Entries in the inbox: waiting, in hand, or waiting for work after their turn. */
    public int inInbox() {
        return arrived.size();
    }

    /** How long the oldest entry in the inbox has waited (by the pipeline's clock); zero when it is empty. */
    public Duration oldestWaiting() {
        Map.Entry<Long, Long> first = arrived.firstEntry();
        if (first == null) {
            return Duration.ZERO;
        }
        return Duration.ofMillis(Math.max(0, clock.millis() - first.getValue()));
    }

    /** Whether the handler thread runs (a dead one is replaced at once, so false means stopped). */
    public boolean handlerAlive() {
        return handlerThread.alive();
    }

    /** Nanos (System.nanoTime) of the handler's last sign of life, for a health check. */
    public long lastProgress() {
        return handlerThread.lastProgress();
    }

    // ---------------------------------------------------------------- lifecycle

    /** Stops handling; what is still in the inbox is handled at the next start. */
    @Override
    public void close() {
        handlerThread.stop();
        prepare.close();
        after.close();
        inHand.clear();
        inHand.close();
    }
}
