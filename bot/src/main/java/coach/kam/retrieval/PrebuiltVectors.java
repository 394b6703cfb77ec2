package coach.kam.retrieval;

import coach.kam.knowledge.KnowledgeBase;
import coach.kam.knowledge.KnowledgeLoader;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The vectors of the knowledge packed in the jar, computed during the build and shipped as binary
 * floats, so a fresh data folder needs no embedding work at start. Each vector is keyed by the
 * same hash of model name and text as the embedding cache: an edited text (KAM_KNOWLEDGE_DIR) or
 * another model simply finds no vector here and is embedded at run time.
 *
 * <p>File: "KAMV" magic, version 1, model name, count, dimension, then per vector its 32-byte
 * key and the floats.
 */
public final class PrebuiltVectors {
    private static final Logger LOG = LoggerFactory.getLogger(PrebuiltVectors.class);
    static final String RESOURCE = "/prebuilt/embeddings.bin";
    private static final int MAGIC = 0x4B414D56; // "KAMV"
    private static final int VERSION = 1;
    private static volatile Map<String, float[]> packed;

    private PrebuiltVectors() {
    }

    /** The packed vectors by cache key (empty when the jar has none or they were made by another model). */
    static Map<String, float[]> packed() {
        Map<String, float[]> p = packed;
        if (p == null) {
            synchronized (PrebuiltVectors.class) {
                if (packed == null) {
                    packed = read();
                }
                p = packed;
            }
        }
        return p;
    }

    private static Map<String, float[]> read() {
        try (InputStream in = PrebuiltVectors.class.getResourceAsStream(RESOURCE)) {
            return in == null ? Map.of() : read(in);
        } catch (IOException e) {
            LOG.warn("cannot read {}: {}", RESOURCE, e.toString());
            return Map.of();
        }
    }

    private static Map<String, float[]> read(InputStream in) throws IOException {
        {
            DataInputStream data = new DataInputStream(new BufferedInputStream(in, 1 << 16));
            if (data.readInt() != MAGIC || data.readInt() != VERSION) {
                LOG.warn("{} is not a vector file of this version; ignored", RESOURCE);
                return Map.of();
            }
            String model = data.readUTF();
            if (!model.equals(Embedder.MODEL_NAME)) {
                return Map.of();
            }
            int count = data.readInt();
            int dim = data.readInt();
            Map<String, float[]> out = new HashMap<>(count * 2);
            byte[] key = new byte[32];
            for (int i = 0; i < count; i++) {
                data.readFully(key);
                float[] v = new float[dim];
                for (int d = 0; d < dim; d++) {
                    v[d] = data.readFloat();
                }
                out.put(HexFormat.of().formatHex(key), v);
            }
            return out;
        }
    }

    /** Every text the search indexes embed for this knowledge base. */
    static List<String> texts(KnowledgeBase kb) {
        Set<String> texts = new LinkedHashSet<>();
        Corpus.forQuestions(kb).forEach(c -> texts.add(c.searchText()));
        Corpus.forObjections(kb).forEach(c -> texts.add(c.searchText()));
        return new ArrayList<>(texts);
    }

    /** The BM25 indexes of both corpora, each under the name its chunks hash to. */
    private static void writeIndexes(KnowledgeBase kb, Path folder) throws IOException {
        Files.createDirectories(folder);
        for (List<Chunk> chunks : List.of(Corpus.forQuestions(kb), Corpus.forObjections(kb))) {
            Path file = folder.resolve(PrebuiltIndex.resource(chunks).substring("/prebuilt/".length()));
            if (Files.isRegularFile(file)) {
                continue;
            }
            try (OutputStream o = new BufferedOutputStream(Files.newOutputStream(file))) {
                PrebuiltIndex.write(new Bm25Index(chunks), o);
            }
        }
    }

    /** Build step: {@code PrebuiltVectors <knowledge folder> <output file>}. */
    public static void main(String[] args) throws IOException {
        Path knowledge = Path.of(args[0]);
        Path out = Path.of(args[1]);
        long start = System.nanoTime();
        KnowledgeBase kb = KnowledgeLoader.load(knowledge);
        writeIndexes(kb, out.getParent());
        List<String> texts = texts(kb);
        // an earlier build's vectors are reused; only new or edited texts are embedded
        Map<String, float[]> earlier = Map.of();
        if (Files.isRegularFile(out)) {
            try (InputStream in = Files.newInputStream(out)) {
                earlier = read(in);
            } catch (IOException | RuntimeException e) {
                earlier = Map.of();
            }
        }
        List<float[]> vectors = new ArrayList<>();
        List<Integer> missing = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            float[] v = earlier.get(EmbeddingCache.key(Embedder.MODEL_NAME, texts.get(i)));
            vectors.add(v);
            if (v == null) {
                missing.add(i);
            }
        }
        if (missing.isEmpty() && earlier.size() == texts.size()) {
            System.out.printf("prebuilt vectors are up to date (%d texts)%n", texts.size());
            System.exit(0);
        }
        if (!missing.isEmpty()) {
            List<float[]> fresh = Embedder.load().embedAll(missing.stream().map(texts::get).toList());
            for (int m = 0; m < missing.size(); m++) {
                vectors.set(missing.get(m), fresh.get(m));
            }
        }
        Files.createDirectories(out.getParent());
        try (DataOutputStream data = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(out)))) {
            data.writeInt(MAGIC);
            data.writeInt(VERSION);
            data.writeUTF(Embedder.MODEL_NAME);
            data.writeInt(texts.size());
            data.writeInt(vectors.get(0).length);
            for (int i = 0; i < texts.size(); i++) {
                data.write(HexFormat.of().parseHex(EmbeddingCache.key(Embedder.MODEL_NAME, texts.get(i))));
                for (float f : vectors.get(i)) {
                    data.writeFloat(f);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.out.printf("prebuilt %d vectors of the packed knowledge (%d embedded) in %.1f s -> %s%n", texts.size(),
                missing.size(), (System.nanoTime() - start) / 1e9, out);
        System.exit(0);
    }
}
