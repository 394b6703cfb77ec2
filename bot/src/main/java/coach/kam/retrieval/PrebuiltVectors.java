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
 * <p>File: "KAMV" magic, version 2, the model names, count, then per vector its 32-byte key (the
 * hash of its model's name and its text), its dimension (the models differ) and the floats.
 */
public final class PrebuiltVectors {
    private static final Logger LOG = LoggerFactory.getLogger(PrebuiltVectors.class);
    static final String RESOURCE = "/prebuilt/embeddings.bin";
    private static final int MAGIC = 0x4B414D56; // "KAMV"
    private static final int VERSION = 2;
    private static final String MODELS = Embedder.MODEL_NAME + "+" + Embedder.EN_MODEL_NAME;
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
            if (!model.equals(MODELS)) {
                return Map.of();
            }
            int count = data.readInt();
            Map<String, float[]> out = new HashMap<>(count * 2);
            byte[] key = new byte[32];
            for (int i = 0; i < count; i++) {
                data.readFully(key);
                float[] v = new float[data.readInt()];
                for (int d = 0; d < v.length; d++) {
                    v[d] = data.readFloat();
                }
                out.put(HexFormat.of().formatHex(key), v);
            }
            return out;
        }
    }

    /** A text to embed and the language whose model embeds it. */
    /** A text and the language whose model embeds it. */
    record Text(String lang, String text) {
        String key() {
            return EmbeddingCache.key(Embedder.modelFor(lang), text);
        }
    }

    /** Every text the search indexes embed for this knowledge base. */
    static List<Text> texts(KnowledgeBase kb) {
        Set<Text> texts = new LinkedHashSet<>();
        Corpus.forQuestions(kb).forEach(c -> texts.add(new Text(c.lang(), c.searchText())));
        Corpus.forObjections(kb).forEach(c -> texts.add(new Text(c.lang(), c.searchText())));
        Corpus.forObjections(kb).stream().filter(c -> DenseIndex.SECOND_OPINION_FOR.equals(c.lang()))
                .forEach(c -> texts.add(new Text(DenseIndex.SECOND_OPINION_MODEL, c.searchText())));
        Corpus.forScope(kb).forEach(c -> texts.add(new Text(c.lang(), c.searchText())));
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
            Bm25Index index = new Bm25Index(chunks);
            try (OutputStream o = new BufferedOutputStream(Files.newOutputStream(file))) {
                PrebuiltIndex.write(index, o);
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
        List<Text> texts = texts(kb);
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
            float[] v = earlier.get(texts.get(i).key());
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
            Embedder embedder = Embedder.load();
            for (String lang : KnowledgeBase.LANGS) {
                List<Integer> ofLang = missing.stream().filter(i -> texts.get(i).lang().equals(lang)).toList();
                List<float[]> fresh = embedder.embedAll(ofLang.stream().map(i -> texts.get(i).text()).toList(), lang);
                for (int m = 0; m < ofLang.size(); m++) {
                    vectors.set(ofLang.get(m), fresh.get(m));
                }
            }
        }
        Files.createDirectories(out.getParent());
        try (DataOutputStream data = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(out)))) {
            data.writeInt(MAGIC);
            data.writeInt(VERSION);
            data.writeUTF(MODELS);
            data.writeInt(texts.size());
            for (int i = 0; i < texts.size(); i++) {
                data.write(HexFormat.of().parseHex(texts.get(i).key()));
                data.writeInt(vectors.get(i).length);
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
