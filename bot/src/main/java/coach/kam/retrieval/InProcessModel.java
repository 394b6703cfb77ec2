package coach.kam.retrieval;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A BGE model that ships in a LangChain4j jar, opened with session options of our own. The jar's
 * own model classes read the whole model into the Java heap (twice, while the array grows) and
 * open it with the runtime's defaults: a memory arena that keeps the peak of every call, memory
 * patterns per input shape, and a thread per core. With two models that cost about 150 MiB of
 * resident memory and did not fit the bot's 128 MiB heap. Here the model is opened from a file
 * ({@link RuntimeFiles}: unpacked once under the data folder, or a temporary copy), the arena and the patterns are off, and each call runs on one thread:
 * a short query gained nothing from a second thread on a two-core machine (p50 7-14 ms either way,
 * p99 lower with one), and the other core stays free for the chats.
 */
final class InProcessModel extends AbstractInProcessEmbeddingModel {
    /** The models in use, by the names their vectors are stored under. */
    enum Kind {
        ZH("bge-small-zh-v1.5-q", 512),
        EN("bge-small-en-v1.5-q", 384);

        final String resource;
        final int dimension;

        Kind(String resource, int dimension) {
            this.resource = resource;
            this.dimension = dimension;
        }
    }

    private final OnnxBertBiEncoder encoder;
    private final int dimension;

    private InProcessModel(OnnxBertBiEncoder encoder, int dimension) {
        super(Runnable::run);
        this.encoder = encoder;
        this.dimension = dimension;
    }

    static InProcessModel load(Kind kind) {
        ClassLoader loader = InProcessModel.class.getClassLoader();
        RuntimeFiles.prepare();
        RuntimeFiles.ModelFile file = null;
        try (InputStream tokenizer = open(loader, kind.resource + "-tokenizer.json")) {
            file = RuntimeFiles.model(loader, kind.resource + ".onnx");
            OrtEnvironment env = OrtEnvironment.getEnvironment();
            OrtSession session = env.createSession(file.path().toString(), options());
            return new InProcessModel(new OnnxBertBiEncoder(env, session, tokenizer, PoolingMode.CLS), kind.dimension);
        } catch (IOException e) {
            throw new UncheckedIOException("the embedding model " + kind.resource + " could not be read", e);
        } catch (OrtException e) {
            throw new IllegalStateException("the embedding model " + kind.resource + " could not be opened: " + e.getMessage(), e);
        } finally {
            if (file != null && file.temporary()) {
                deleteQuietly(file.path());
            }
        }
    }

    private static OrtSession.SessionOptions options() throws OrtException {
        OrtSession.SessionOptions o = new OrtSession.SessionOptions();
        o.setCPUArenaAllocator(false);
        o.setMemoryPatternOptimization(false);
        o.setIntraOpNumThreads(1);
        o.setInterOpNumThreads(1);
        o.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
        return o;
    }

    private static InputStream open(ClassLoader loader, String name) throws IOException {
        InputStream in = loader.getResourceAsStream(name);
        if (in == null) {
            throw new IOException(name + " is not on the class path");
        }
        return in;
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a temporary file; the system cleans its temporary folder
        }
    }

    @Override
    protected OnnxBertBiEncoder model() {
        return encoder;
    }

    @Override
    protected Integer knownDimension() {
        return dimension;
    }
}
