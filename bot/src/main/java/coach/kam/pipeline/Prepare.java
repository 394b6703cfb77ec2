package coach.kam.pipeline;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs each update's slow, store-free work ({@link TurnHandler#prepare}) on two threads of its own,
 * so that a long question embedded by two models holds neither the store's lock nor other chats;
 * an update may join a group once it is prepared.
 */
final class Prepare implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Prepare.class);
    private final TurnHandler handler;
    private final Consumer<Pending> ready;
    private final ExecutorService pool = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "kam-prepare");
        t.setDaemon(true);
        return t;
    });

    Prepare(TurnHandler handler, Consumer<Pending> ready) {
        this.handler = handler;
        this.ready = ready;
    }

    void submit(Pending p) {
        try {
            pool.execute(() -> run(p));
        } catch (RejectedExecutionException e) {
            ready.accept(p);
        }
    }

    private void run(Pending p) {
        try {
            handler.prepare(p);
        } catch (Throwable e) {
            // the turn itself meets the same problem and is contained there
            LOG.warn("preparing update {} failed: {}", p.entry().updateId(), e.toString());
        } finally {
            ready.accept(p);
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
        try {
            pool.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
