package coach.kam.retrieval;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The in-process embedding models, loaded once: BGE small zh for Chinese text and BGE small en for
 * English text (both quantized; they ship inside their jars). The Chinese model is weak in English
 * (see the benchmark in the README), so each text is embedded by the model of its language, and a
 * query is compared only with texts embedded by the same model. {@link InProcessModel} opens them.
 */
public final class Embedder {
    public static final String MODEL_NAME = "bge-small-zh-v1.5-q";
    public static final String EN_MODEL_NAME = "bge-small-en-v1.5-q";

    private final CompletableFuture<EmbeddingModel> zh;
    private final CompletableFuture<EmbeddingModel> en;

    public Embedder(EmbeddingModel zh, EmbeddingModel en) {
        this(CompletableFuture.completedFuture(zh), CompletableFuture.completedFuture(en));
    }

    private Embedder(CompletableFuture<EmbeddingModel> zh, CompletableFuture<EmbeddingModel> en) {
        this.zh = zh;
        this.en = en;
    }

    /** The model that embeds text of {@code lang} ("zh" or "en"). */
    public static String modelFor(String lang) {
        return "en".equals(lang) ? EN_MODEL_NAME : MODEL_NAME;
    }

    /**
     * Starts loading both models in background threads and returns at once, so that other start-up
     * work (the BM25 indexes) runs meanwhile; the first call that needs a model waits for it.
     */
    public static Embedder loadInBackground() {
        hook();
        return new Embedder(background(() -> InProcessModel.load(InProcessModel.Kind.ZH), "kam-model-load-zh"),
                background(() -> InProcessModel.load(InProcessModel.Kind.EN), "kam-model-load-en"));
    }

    private static CompletableFuture<EmbeddingModel> background(java.util.function.Supplier<EmbeddingModel> make,
                                                                String name) {
        CompletableFuture<EmbeddingModel> f = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                EmbeddingModel m;
                // under the lock, so that the stop hook never lets the JVM exit while the native
                // runtime is creating a session (a SIGSEGV in OrtSession.createSession otherwise)
                synchronized (RUNNING) {
                    guard();
                    m = make.get();
                }
                f.complete(m);
            } catch (Throwable e) {
                f.completeExceptionally(e);
            }
        }, name);
        t.setDaemon(true);
        t.start();
        return f;
    }

    /** Waits until both models are loaded; throws what loading them threw. */
    public void awaitModel() {
        model("zh");
        model("en");
    }

    private EmbeddingModel model(String lang) {
        try {
            return ("en".equals(lang) ? en : zh).join();
        } catch (CompletionException e) {
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
    /** Set before waiting for {@link #RUNNING}, so a load failing meanwhile already sees it. */
    private static final Object STOP_FLAG = new Object();
    private static boolean stoppingSeen;
    private static boolean hooked;
    /** Texts per native call when embedding many, so a stop never waits long for the current call. */
    static final int BATCH = 128;

    /** Loads both models now. */
    public static Embedder load() {
        hook();
        synchronized (RUNNING) {
            guard();
        }
        CompletableFuture<EmbeddingModel> en = background(() -> InProcessModel.load(InProcessModel.Kind.EN), "kam-model-load-en");
        EmbeddingModel zh;
        synchronized (RUNNING) {
            guard();
            zh = InProcessModel.load(InProcessModel.Kind.ZH);
        }
        Embedder e = new Embedder(CompletableFuture.completedFuture(zh), en);
        e.awaitModel();
        return e;
    }

    private static void hook() {
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
        }
    }

    /**
     * Waits for a model load or an inference in progress and lets none start after it. Called
     * before a normal exit: the native runtime's own shutdown hook would otherwise release its
     * environment under a session still being created (SIGSEGV in OrtSession.createSession).
     */
    public static void stopBeforeExit() {
        synchronized (STOP_FLAG) {
            stoppingSeen = true;
        }
        synchronized (RUNNING) {
            stopping = true;
        }
    }

    /**
     * Whether the JVM is running its shutdown hooks. The native runtime closes its environment in a
     * hook of its own, which may run while a model is still loading, so a load that fails then is
     * part of stopping, not a fault.
     */
    public static boolean jvmStopping() {
        synchronized (STOP_FLAG) {
            if (stoppingSeen) {
                return true;
            }
        }
        Thread probe = new Thread(() -> { });
        try {
            Runtime.getRuntime().addShutdownHook(probe);
            Runtime.getRuntime().removeShutdownHook(probe);
            return false;
        } catch (IllegalStateException e) {
            return true;
        }
    }

    private static void guard() {
        if (stopping) {
            throw new IllegalStateException("the program is stopping");
        }
    }

    /**
     * The models' own instructions for short questions searched against longer passages; phrases
     * compared with phrases (objections) are embedded without them.
     */
    public static final String QUESTION_INSTRUCTION = "为这个句子生成表示以用于检索相关文章：";
    public static final String EN_QUESTION_INSTRUCTION = "Represent this sentence for searching relevant passages: ";

    public static String questionInstruction(String lang) {
        return "en".equals(lang) ? EN_QUESTION_INSTRUCTION : QUESTION_INSTRUCTION;
    }

    /** Longer queries are cut: the models read at most 512 tokens, and a query needs far fewer. */
    static final int QUERY_LIMIT = 2_000;
    private volatile int zhDimension;
    private volatile int enDimension;

    /** The query's vector by the model of its detected language. */
    public float[] embed(String text) {
        return embed(text, Languages.detect(text == null ? "" : text));
    }

    /**
     * The vector of {@code text} by the model for {@code lang}. Text with nothing the model can read
     * (empty, white space, zero-width characters) gets a zero vector, which is similar to nothing,
     * instead of an error.
     */
    public float[] embed(String text, String lang) {
        String readable = readable(text);
        if (readable.isEmpty()) {
            return new float[dimension(lang)];
        }
        String input = readable.length() > QUERY_LIMIT ? readable.substring(0, QUERY_LIMIT) : readable;
        String key = lang + '\u0001' + input;
        float[] known;
        synchronized (recent) {
            known = recent.get(key);
        }
        if (known != null) {
            return known.clone();
        }
        EmbeddingModel model = model(lang);
        Embedding e;
        synchronized (RUNNING) {
            guard();
            e = model.embed(input).content();
        }
        e.normalize();
        synchronized (recent) {
            recent.put(key, e.vector().clone());
        }
        return e.vector();
    }

    /**
     * The vectors of the latest queries: a turn's text is embedded before its turn, outside the
     * store's lock (see {@code Conversation.prepare}), and the turn finds it here.
     */
    private static final int RECENT_KEPT = 256;
    private final java.util.Map<String, float[]> recent = new java.util.LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(java.util.Map.Entry<String, float[]> eldest) {
            return size() > RECENT_KEPT;
        }
    };

    /** The length of the vectors the model for {@code lang} makes (512 for zh, 384 for en). */
    public int dimension(String lang) {
        boolean english = "en".equals(lang);
        int d = english ? enDimension : zhDimension;
        if (d == 0) {
            EmbeddingModel model = model(lang);
            synchronized (RUNNING) {
                guard();
                d = model.dimension();
            }
            if (english) {
                enDimension = d;
            } else {
                zhDimension = d;
            }
        }
        return d;
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

    /** Vectors of many texts of one language, by that language's model. */
    public List<float[]> embedAll(List<String> texts, String lang) {
        List<float[]> out = new ArrayList<>(texts.size());
        EmbeddingModel model = model(lang);
        for (int from = 0; from < texts.size(); from += BATCH) {
            List<TextSegment> segments = texts.subList(from, Math.min(texts.size(), from + BATCH)).stream()
                    .map(TextSegment::from).toList();
            List<Embedding> batch;
            synchronized (RUNNING) {
                guard();
                batch = model.embedAll(segments).content();
            }
            for (Embedding e : batch) {
                e.normalize();
                out.add(e.vector());
            }
        }
        return out;
    }
}
