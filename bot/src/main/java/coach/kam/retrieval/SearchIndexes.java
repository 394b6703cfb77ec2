package coach.kam.retrieval;

import coach.kam.knowledge.KnowledgeBase;
import coach.kam.store.Store;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The two search indexes (questions and objection phrasings), built once in the background at
 * start-up with one embedding model shared by both. Callers ask whether they are ready instead of
 * waiting on the chat thread.
 */
public final class SearchIndexes {
    private static final Logger LOG = LoggerFactory.getLogger(SearchIndexes.class);

    /** The built indexes. */
    public record Ready(HybridRetriever questions, HybridRetriever objections, long buildMillis, int embedded) {
    }

    /**
     * BM25's weight against the dense retriever's 1 in the fusion. The small embedding model is the
     * weaker of the two on this content (see the benchmark), so exact words count a little more.
     */
    static final double QUESTION_LEXICAL_WEIGHT = 1.5;
    static final double OBJECTION_LEXICAL_WEIGHT = 1.5;

    private final CompletableFuture<Ready> future;

    private SearchIndexes(CompletableFuture<Ready> future) {
        this.future = future;
    }

    public static SearchIndexes buildInBackground(KnowledgeBase kb, Store store) {
        CompletableFuture<Ready> f = CompletableFuture.supplyAsync(() -> build(kb, store, Embedder.load()),
                r -> {
                    Thread t = new Thread(r, "kam-index");
                    t.setDaemon(true);
                    t.start();
                });
        f.whenComplete((r, e) -> {
            if (e != null) {
                LOG.error("building the search index failed", e);
            }
        });
        return new SearchIndexes(f);
    }

    public static SearchIndexes of(Ready ready) {
        return from(CompletableFuture.completedFuture(ready));
    }

    /** Indexes that become ready when {@code future} completes. */
    public static SearchIndexes from(CompletableFuture<Ready> future) {
        return new SearchIndexes(future);
    }

    public static Ready build(KnowledgeBase kb, Store store, Embedder embedder) {
        long start = System.nanoTime();
        EmbeddingCache cache = new EmbeddingCache(store, Embedder.MODEL_NAME);
        HybridRetriever questions = new HybridRetriever(Corpus.forQuestions(kb), embedder, cache,
                Embedder.QUESTION_INSTRUCTION, QUESTION_LEXICAL_WEIGHT);
        HybridRetriever objections = new HybridRetriever(Corpus.forObjections(kb), embedder, cache, "",
                OBJECTION_LEXICAL_WEIGHT);
        return new Ready(questions, objections, (System.nanoTime() - start) / 1_000_000, cache.computed());
    }

    public Optional<Ready> ifReady() {
        return future.isDone() && !future.isCompletedExceptionally() ? Optional.of(future.join()) : Optional.empty();
    }

    /** Waits for the index (off the chat thread only). */
    public Ready await(Duration max) {
        try {
            return future.get(max.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the search index", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the search index is not available: " + e, e);
        }
    }
}
