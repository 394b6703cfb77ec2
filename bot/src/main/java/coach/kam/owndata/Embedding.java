package coach.kam.owndata;

import java.util.LinkedHashSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One background thread that embeds the records a question left without a vector, a batch at a
 * time, rep after rep; it starts with the first rep that needs it and waits when there is nothing.
 */
final class Embedding {
    private static final Logger LOG = LoggerFactory.getLogger(Embedding.class);
    private static final int BATCH = 128;
    private final OwnIndexes indexes;
    private final Set<Long> waiting = new LinkedHashSet<>();
    private Thread thread;

    Embedding(OwnIndexes indexes) {
        this.indexes = indexes;
    }

    synchronized void add(long ownerId) {
        waiting.add(ownerId);
        if (thread == null) {
            thread = new Thread(this::run, "kam-owndata-embed");
            thread.setDaemon(true);
            thread.start();
        }
        notifyAll();
    }

    private synchronized Long next() throws InterruptedException {
        while (waiting.isEmpty()) {
            wait();
        }
        Long owner = waiting.iterator().next();
        waiting.remove(owner);
        return owner;
    }

    private void run() {
        while (true) {
            long owner;
            try {
                owner = next();
            } catch (InterruptedException e) {
                return;
            }
            try {
                var rep = indexes.ifLoaded(owner);
                if (rep.isPresent() && indexes.embed(rep.get(), BATCH) > 0) {
                    add(owner);
                }
            } catch (RuntimeException e) {
                // an evicted index, a model that stopped: this rep's vectors wait for its next question
                LOG.warn("embedding the records of rep {} failed: {}", owner, e.toString());
            }
        }
    }
}
