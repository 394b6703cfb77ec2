package coach.kam.pipeline;

import coach.kam.store.Store;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pipeline's supervised handler thread: it takes the group {@link ChatOrder} lets run, hands it
 * to {@link GroupRun}, puts back and releases chats by the result, and passes what is left to
 * {@link AfterWork}. A thread that dies anyway is logged and replaced, the group it held waiting
 * again first in its chats. Shares the pipeline's monitor, which guards the order.
 */
final class HandlerThread {
    private static final Logger LOG = LoggerFactory.getLogger(HandlerThread.class);
    private static final int GROUP_LIMIT = 256;
    /**
     * An update that was running at a process death runs again alone once this process has run a
     * second and a few groups of others (its first, cold turns are slow, and a death then should not
     * count against whichever update ran first), or at once after that second when nothing else waits.
     */
    private static final long WARM_UP_NANOS = 1_000_000_000L;
    private static final int WARM_UP_GROUPS = 3;

    private final Store store;
    private final GroupRun run;
    private final AfterWork after;
    private final Consumer<Completions.Done> completed;
    private final Object monitor;
    // guarded by monitor
    private final ChatOrder order;
    private boolean running;
    private Thread thread;
    /** The group the handler thread holds, for the thread that replaces it should it die. */
    private Map<Long, List<Pending>> heldGroup;
    private long groupsDone;

    private volatile long lastProgress = System.nanoTime();
    private final long startedNanos = System.nanoTime();
    /** Whether the last group found the store taking no writes (handler thread only). */
    private boolean storeDown;

    HandlerThread(Store store, GroupRun run, AfterWork after, Consumer<Completions.Done> completed, Object monitor,
                  ChatOrder order) {
        this.store = store;
        this.run = run;
        this.after = after;
        this.completed = completed;
        this.monitor = monitor;
        this.order = order;
    }

    /** Starts handling. */
    void start() {
        synchronized (monitor) {
            running = true;
            startThread();
        }
    }

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
                    putBack(lost);
                }
                if (running && thread == dead) {
                    startThread();
                }
            }
        });
        thread = t;
        t.start();
    }

    /** Under the monitor: a group's chats wait again, first in their lines. */
    private void putBack(Map<Long, List<Pending>> group) {
        group.forEach((chat, items) -> {
            order.putBack(chat, items);
            order.release(chat);
        });
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
                completed.accept(setAside);
            }
            synchronized (monitor) {
                putBack(group);
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
        result.done().forEach(completed);
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
            putBack(group);
            monitor.notifyAll();
        }
        pause(Duration.ofSeconds(1));
    }

    /** Whether the handler thread runs (a dead one is replaced at once, so false means stopped). */
    boolean alive() {
        synchronized (monitor) {
            return running && thread != null && thread.isAlive();
        }
    }

    /** Nanos (System.nanoTime) of the handler's last sign of life, for a health check. */
    long lastProgress() {
        return lastProgress;
    }

    /** Stops handling and waits for the thread (at most 10 s). */
    void stop() {
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
    }

    private static void pause(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
