package coach.kam.retrieval;

import coach.kam.knowledge.KnowledgeBase;
import coach.kam.store.Store;
import java.time.Duration;
import java.util.List;
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
     * BM25's weight against the dense retriever's 1 in the fusion. For questions both count alike;
     * customer phrases against short phrasings share few words, and there the models' sense of
     * meaning is the better guide (see the benchmark).
     */
    static final double QUESTION_LEXICAL_WEIGHT = 1.0;
    static final double OBJECTION_LEXICAL_WEIGHT = 0.4;

    private final CompletableFuture<Ready> future;

    private SearchIndexes(CompletableFuture<Ready> future) {
        this.future = future;
    }

    /** First wait after a failed build; it doubles up to {@link #RETRY_MAX}. */
    static final Duration RETRY_FIRST = Duration.ofSeconds(5);
    static final Duration RETRY_MAX = Duration.ofMinutes(5);

    /**
     * Builds in a background thread. A failed build (an OutOfMemoryError loading the model, say) is
     * logged and tried again after a growing pause, so questions are answered once it works instead
     * of waiting for ever on a build that died.
     */
    public static SearchIndexes buildInBackground(KnowledgeBase kb, Store store) {
        CompletableFuture<Ready> f = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            Duration pause = RETRY_FIRST;
            for (int attempt = 1; ; attempt++) {
                try {
                    Ready ready = build(kb, store, Embedder.loadInBackground());
                    LOG.info("search index ready in {} ms ({} texts embedded)", ready.buildMillis(), ready.embedded());
                    f.complete(ready);
                    return;
                } catch (Throwable e) {
                    if (Embedder.jvmStopping()) {
                        LOG.info("search index not built: the program is stopping");
                        f.completeExceptionally(e);
                        return;
                    }
                    LOG.error("building the search index failed (attempt {}); trying again in {} s", attempt,
                            pause.toSeconds(), e);
                }
                try {
                    Thread.sleep(pause.toMillis());
                } catch (InterruptedException e) {
                    return;
                }
                pause = pause.multipliedBy(2).compareTo(RETRY_MAX) > 0 ? RETRY_MAX : pause.multipliedBy(2);
            }
        }, "kam-index");
        t.setDaemon(true);
        t.start();
        return new SearchIndexes(f);
    }

    public static SearchIndexes of(Ready ready) {
        return from(CompletableFuture.completedFuture(ready));
    }

    /** Indexes that become ready when {@code future} completes. */
    public static SearchIndexes from(CompletableFuture<Ready> future) {
        return new SearchIndexes(future);
    }

    /**
     * Builds both indexes, the objections' on a second thread while the questions' is built here
     * (and the model, when it loads in the background, meanwhile); returns once the model is loaded.
     */
    public static Ready build(KnowledgeBase kb, Store store, Embedder embedder) {
        long start = System.nanoTime();
        EmbeddingCache zhCache = new EmbeddingCache(store, Embedder.MODEL_NAME);
        EmbeddingCache enCache = new EmbeddingCache(store, Embedder.EN_MODEL_NAME);
        java.util.function.Function<String, EmbeddingCache> cache = lang -> "en".equals(lang) ? enCache : zhCache;
        CompletableFuture<HybridRetriever> objections = new CompletableFuture<>();
        Thread second = new Thread(() -> {
            try {
                objections.complete(new HybridRetriever(Corpus.forObjections(kb), embedder, cache, false,
                        OBJECTION_LEXICAL_WEIGHT, List.of(), true));
            } catch (Throwable e) {
                objections.completeExceptionally(e);
            }
        }, "kam-index-objections");
        second.setDaemon(true);
        second.start();
        HybridRetriever questions = new HybridRetriever(Corpus.forQuestions(kb), embedder, cache,
                true, QUESTION_LEXICAL_WEIGHT, Corpus.forScope(kb), false);
        HybridRetriever objectionIndex;
        try {
            objectionIndex = objections.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
        embedder.awaitModel();
        return new Ready(questions, objectionIndex, (System.nanoTime() - start) / 1_000_000, zhCache.computed() + enCache.computed());
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
