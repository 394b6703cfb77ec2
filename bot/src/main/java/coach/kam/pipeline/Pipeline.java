package coach.kam.pipeline;

import coach.kam.delivery.SendQueue;
import coach.kam.quarantine.Quarantine;
import coach.kam.store.HandledUpdates;
import coach.kam.store.Store;
import coach.kam.store.Tx;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way in. {@link #receive} makes updates durable in the {@link Inbox} and returns; a
 * supervised handler thread takes what {@link ChatOrder} lets run and hands it to
 * {@link GroupRun}, which handles each update in isolation and commits them together; whatever
 * is left to do after the commit (deferred replies, a wait for the search index) runs in
 * {@link AfterWork}, which releases the chat when it is over.
 */
public final class Pipeline implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Pipeline.class);
    private static final int GROUP_LIMIT = 256;

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

    private final Object monitor = new Object();
    // guarded by monitor
    private final ChatOrder order = new ChatOrder();
    /** Update ids of the entries waiting or in hand, so that a batch sent again is not taken twice. */
    private final Set<Integer> inInbox = new HashSet<>();
    private boolean running;
    private Thread thread;
    /** The group the handler thread holds, for the thread that replaces it should it die. */
    private Map<Long, List<Pending>> heldGroup;
    private volatile long lastProgress = System.nanoTime();
    /**
     * An update that was running at a process death runs again alone once this process has run a
     * second and a few groups of others (its first, cold turns are slow, and a death then should not
     * count against whichever update ran first), or at once after that second when nothing else waits.
     */
    private static final long WARM_UP_NANOS = 1_000_000_000L;
    private static final int WARM_UP_GROUPS = 3;
    private final long startedNanos = System.nanoTime();
    private long groupsDone;
    /** When each entry in the inbox arrived (clock millis), by inbox sequence: the oldest is first. */
    private final java.util.concurrent.ConcurrentSkipListMap<Long, Long> arrived =
            new java.util.concurrent.ConcurrentSkipListMap<>();
    private volatile PipelineMeters meters = PipelineMeters.none();
    /** Whether the last group found the store taking no writes (handler thread only). */
    private boolean storeDown;

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
    }

    /** Loads what the previous run left in the inbox and starts handling. */
    public Pipeline start() {
        List<Inbox.Entry> left = Recovery.recover(store, inHand, handler, clock);
        if (!left.isEmpty()) {
            LOG.info("{} update(s) received by the previous run are handled now", left.size());
        }
        synchronized (monitor) {
            running = true;
            for (Inbox.Entry e : left) {
                Pending p = new Pending(e, null);
                queued(p);
                prepare.submit(p);
            }
            startThread();
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

    // ---------------------------------------------------------------- the handler thread

    private void startThread() {
        Thread t = new Thread(this::loop, "kam-inbox");
        t.setDaemon(true);
        t.setUncaughtExceptionHandler((dead, e) -> {
            LOG.error("the handler thread died; starting a new one", e);
            synchronized (monitor) {
                Map<Long, List<Pending>> lost = heldGroup;
                heldGroup = null;
                if (lost != null) {
                    // nothing of that group was committed: its updates wait again, first in their chats
                    lost.forEach((chat, items) -> {
                        order.putBack(chat, items);
                        order.release(chat);
                    });
                }
                if (running && thread == dead) {
                    startThread();
                }
            }
        });
        thread = t;
        t.start();
    }

    private void loop() {
        while (true) {
            Map<Long, List<Pending>> group;
            synchronized (monitor) {
                while (true) {
                    if (!running) {
                        return;
                    }
                    int limit = run.soloNext() ? 1 : GROUP_LIMIT;
                    boolean started = System.nanoTime() - startedNanos > WARM_UP_NANOS;
                    group = order.takeGroup(limit, started && groupsDone >= WARM_UP_GROUPS);
                    if (group.isEmpty() && started) {
                        // nothing else to do: a suspect need not wait for others
                        group = order.takeGroup(limit, true);
                    }
                    if (!group.isEmpty()) {
                        heldGroup = group;
                        break;
                    }
                    try {
                        monitor.wait(1_000);
                    } catch (InterruptedException e) {
                        return;
                    }
                    lastProgress = System.nanoTime();
                }
            }
            handle(group);
            synchronized (monitor) {
                heldGroup = null;
            }
            lastProgress = System.nanoTime();
        }
    }

    private void handle(Map<Long, List<Pending>> group) {
        GroupRun.Result result;
        try {
            result = run.run(store, group);
            if (storeDown) {
                storeDown = false;
                LOG.info("the store takes writes again; waiting updates are handled");
            }
        } catch (Throwable e) {
            if (store.outage().isPresent()) {
                waitForTheStore(group, store.outage().get());
                return;
            }
            GroupRun.log(e, "handling " + group.size() + " chat(s) failed; they are tried one at a time");
            Completions.Done setAside = run.failed(store, group, e);
            if (setAside != null) {
                completed(setAside);
            }
            synchronized (monitor) {
                group.forEach((chat, items) -> {
                    order.putBack(chat, items);
                    order.release(chat);
                });
                monitor.notifyAll();
            }
            pause(Duration.ofMillis(200));
            return;
        }
        synchronized (monitor) {
            result.putBack().forEach(order::putBack);
            result.release().forEach(order::release);
            groupsDone++;
            monitor.notifyAll();
        }
        for (Runnable r : result.afterCommit()) {
            try {
                r.run();
            } catch (Throwable e) {
                LOG.error("work after a commit failed", e);
            }
        }
        result.done().forEach(this::completed);
        result.later().forEach(after::submit);
    }

    /**
     * The store takes no writes (a full disk): the group failed through no fault of its own, so no
     * attempt counts against its updates. They wait, first in their chats, and run again once the
     * store works; the store tries to come back at each transaction, at most once a second.
     */
    private void waitForTheStore(Map<Long, List<Pending>> group, String why) {
        if (!storeDown) {
            LOG.error("the store takes no writes ({}); {} chat(s) wait until it works again", why, group.size());
        }
        storeDown = true;
        synchronized (monitor) {
            group.forEach((chat, items) -> {
                order.putBack(chat, items);
                order.release(chat);
            });
            monitor.notifyAll();
        }
        pause(Duration.ofSeconds(1));
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
     * Waits until the update with this id was handled by this process and the messages queued for
     * its chat were accepted; false on timeout.
     */
    /**
     * An update answered before the inbox (a stranger refused at the door): it is never stored, and
     * counts as handled for whoever waits on it.
     */
    public void answeredAtDoor(int updateId, long chat) {
        completions.done(new Completions.Done(-1L - updateId, updateId, chat));
    }

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
        synchronized (monitor) {
            return running && thread != null && thread.isAlive();
        }
    }

    /** Nanos (System.nanoTime) of the handler's last sign of life, for a health check. */
    public long lastProgress() {
        return lastProgress;
    }

    // ---------------------------------------------------------------- lifecycle

    /** Stops handling; what is still in the inbox is handled at the next start. */
    @Override
    public void close() {
        Thread t;
        synchronized (monitor) {
            running = false;
            t = thread;
            monitor.notifyAll();
        }
        if (t != null) {
            try {
                t.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        prepare.close();
        after.close();
        inHand.clear();
        inHand.close();
    }

    private static void pause(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

}
