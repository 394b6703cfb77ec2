package coach.kam.pipeline;

import coach.kam.conversation.Reply;
import coach.kam.store.Store;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a turn leaves for after its commit, off the handler thread: deferred replies (a language
 * model's answer), or the wait of a turn that must run again once the search index is ready. Its
 * chat is held until the job is over, and released here whatever happens.
 */
final class AfterWork implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AfterWork.class);

    /** Called when a job is over: release the chat, and record the update finished (null: it will run again). */
    interface Finished {
        void finished(long chatKey, Completions.Done done);
    }

    /** Deferred replies for {@code replyChat}, or ({@code redo} set) a wait before the update runs again. */
    record Job(long chatKey, long replyChat, List<Supplier<List<Reply>>> work, Runnable redo, Completions.Done done) {
    }

    private final Store store;
    private final Outbox outbox;
    private final Finished finished;
    private final ExecutorService later = Executors.newFixedThreadPool(4, daemon("kam-later"));
    private final ExecutorService waiter = Executors.newSingleThreadExecutor(daemon("kam-wait"));

    AfterWork(Store store, Outbox outbox, Finished finished) {
        this.store = store;
        this.outbox = outbox;
        this.finished = finished;
    }

    void submit(Job job) {
        try {
            (job.redo() != null ? waiter : later).execute(() -> run(job));
        } catch (RejectedExecutionException e) {
            // stopping: the update stays in the inbox or is handled; the chat is free again
            finished.finished(job.chatKey(), null);
        }
    }

    private void run(Job job) {
        try {
            if (job.redo() != null) {
                job.redo().run();
            } else {
                for (Supplier<List<Reply>> w : job.work()) {
                    List<Reply> replies = w.get();
                    if (!replies.isEmpty()) {
                        store.inTransaction(tx -> {
                            outbox.send(tx, job.replyChat(), replies);
                            return null;
                        });
                    }
                }
            }
        } catch (Throwable e) {
            LOG.error("work after update {} failed", job.done() == null ? "?" : job.done().updateId(), e);
        } finally {
            finished.finished(job.chatKey(), job.done());
        }
    }

    @Override
    public void close() {
        waiter.shutdownNow();
        later.shutdown();
        try {
            later.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
