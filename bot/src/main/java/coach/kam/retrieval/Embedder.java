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

    public float[] embed(String text) {
        Embedding e = model.embed(text).content();
        e.normalize();
        return e.vector();
    }

    public List<float[]> embedAll(List<String> texts) {
        List<TextSegment> segments = texts.stream().map(TextSegment::from).toList();
        return model.embedAll(segments).content().stream().map(e -> {
            e.normalize();
            return e.vector();
        }).toList();
    }
}
