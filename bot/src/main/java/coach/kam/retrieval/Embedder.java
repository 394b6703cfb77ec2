package coach.kam.retrieval;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallzhv15q.BgeSmallZhV15QuantizedEmbeddingModel;
import java.util.List;

/** The in-process embedding model (BGE small zh, quantized; it ships inside its jar), loaded once. */
public final class Embedder {
    public static final String MODEL_NAME = "bge-small-zh-v1.5-q";
    private final EmbeddingModel model;

    public Embedder(EmbeddingModel model) {
        this.model = model;
    }

    public static Embedder load() {
        return new Embedder(new BgeSmallZhV15QuantizedEmbeddingModel());
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
        Embedding e = model.embed(readable.length() > QUERY_LIMIT ? readable.substring(0, QUERY_LIMIT) : readable)
                .content();
        e.normalize();
        return e.vector();
    }

    private int dimension() {
        if (dimension == 0) {
            dimension = model.dimension();
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
        List<TextSegment> segments = texts.stream().map(TextSegment::from).toList();
        return model.embedAll(segments).content().stream().map(e -> {
            e.normalize();
            return e.vector();
        }).toList();
    }
}
