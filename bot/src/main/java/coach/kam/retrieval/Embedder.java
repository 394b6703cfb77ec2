package coach.kam.retrieval;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallzhv15q.BgeSmallZhV15QuantizedEmbeddingModel;
import java.util.List;

/** The in-process embedding model (BGE small zh, quantized; it ships inside its jar), loaded once. */
public final class Embedder {
    public static final String MODEL_NAME = "bge-small-zh-v1.5-q";
    private final java.util.concurrent.CompletableFuture<EmbeddingModel> loading;

    public Embedder(EmbeddingModel model) {
        this.loading = java.util.concurrent.CompletableFuture.completedFuture(model);
    }

    private Embedder(java.util.concurrent.CompletableFuture<EmbeddingModel> loading) {
        this.loading = loading;
    }

    /**
     * Starts loading the model in a background thread and returns at once, so that other start-up
     * work (the BM25 indexes) runs meanwhile; the first call that needs the model waits for it.
     */
    public static Embedder loadInBackground() {
        java.util.concurrent.CompletableFuture<EmbeddingModel> f = new java.util.concurrent.CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                f.complete(load().modelNow());
            } catch (Throwable e) {
                f.completeExceptionally(e);
            }
        }, "kam-model-load");
        t.setDaemon(true);
        t.start();
        return new Embedder(f);
    }

    /** Waits until the model is loaded; throws what loading it threw. */
    public void awaitModel() {
        modelNow();
    }

    private EmbeddingModel modelNow() {
        try {
            return loading.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException("the embedding model could not be loaded: " + e.getCause(), e.getCause());
        }
    }

    /**
     * Inference runs one call at a time under this lock, and a shutdown hook takes it before the JVM
     * exits: stopping while the native runtime is inside a call crashed the process (SIGSEGV in
     * OrtSession.run). After the hook, calls fail instead of entering native code.
     */
    private static final Object RUNNING = new Object();
    private static boolean stopping;
    private static boolean hooked;
    /** Texts per native call when embedding many, so a stop never waits long for the current call. */
    static final int BATCH = 128;

    public static Embedder load() {
        synchronized (RUNNING) {
            guard();
            if (!hooked) {
                hooked = true;
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    synchronized (RUNNING) {
                        stopping = true;
                    }
                }, "kam-embedder-stop"));
            }
            return new Embedder(new BgeSmallZhV15QuantizedEmbeddingModel());
        }
    }

    /**
     * Waits for a model load or an inference in progress and lets none start after it. Called
     * before a normal exit: the native runtime's own shutdown hook would otherwise release its
     * environment under a session still being created (SIGSEGV in OrtSession.createSession).
     */
    public static void stopBeforeExit() {
        synchronized (RUNNING) {
            stopping = true;
        }
    }

    private static void guard() {
        if (stopping) {
            throw new IllegalStateException("the program is stopping");
        }
    }

    /**
     * The model's own instruction for short questions searched against longer passages; phrases
     * compared with phrases (objections) are embedded without it.
     */
    public static final String QUESTION_INSTRUCTION = "为这个句子生成表示以用于检索相关文章：";

    /** Longer queries are cut: the model reads at most 512 tokens, and a query needs far fewer. */
    static final int QUERY_LIMIT = 2_000;
    private volatile int dimension;

    /**
     * The query's vector. Text with nothing the model can read (empty, white space, zero-width
     * characters) gets a zero vector, which is similar to nothing, instead of an error.
     */
    public float[] embed(String text) {
        String readable = readable(text);
        if (readable.isEmpty()) {
            return new float[dimension()];
        }
        String input = readable.length() > QUERY_LIMIT ? readable.substring(0, QUERY_LIMIT) : readable;
        Embedding e;
        synchronized (RUNNING) {
            guard();
            e = modelNow().embed(input).content();
        }
        e.normalize();
        return e.vector();
    }

    private int dimension() {
        if (dimension == 0) {
            synchronized (RUNNING) {
                guard();
                dimension = modelNow().dimension();
            }
        }
        return dimension;
    }

    /** The text without invisible format characters, stripped; empty when nothing readable is left. */
    static String readable(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        boolean visible = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.getType(c) == Character.FORMAT) {
                continue;
            }
            out.append(c);
            visible |= !Character.isWhitespace(c) && !Character.isSpaceChar(c);
        }
        return visible ? out.toString().strip() : "";
    }

    public List<float[]> embedAll(List<String> texts) {
        List<float[]> out = new java.util.ArrayList<>(texts.size());
        for (int from = 0; from < texts.size(); from += BATCH) {
            List<TextSegment> segments = texts.subList(from, Math.min(texts.size(), from + BATCH)).stream()
                    .map(TextSegment::from).toList();
            List<Embedding> batch;
            synchronized (RUNNING) {
                guard();
                batch = modelNow().embedAll(segments).content();
            }
            for (Embedding e : batch) {
                e.normalize();
                out.add(e.vector());
            }
        }
        return out;
    }
}
