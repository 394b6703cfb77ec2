package coach.kam.retrieval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Cosine similarity between a query and the chunks of its language; a few hundred vectors need no
 * ANN index. Each chunk is embedded by the model of its language, so a query is compared only with
 * chunks whose vectors came from the model that embedded the query.
 */
public final class DenseIndex {
    private final List<Chunk> chunks;
    private final float[][] vectors;
    /** With {@link #withSecondOpinion}: English chunks embedded by the Chinese model too; null otherwise. */
    private float[][] secondOpinion;

    public DenseIndex(List<Chunk> chunks, Embedder embedder, Function<String, EmbeddingCache> caches) {
        this.chunks = List.copyOf(chunks);
        this.vectors = new float[chunks.size()][];
        Map<String, List<Integer>> byModel = new LinkedHashMap<>();
        for (int i = 0; i < chunks.size(); i++) {
            byModel.computeIfAbsent(chunks.get(i).lang(), k -> new ArrayList<>()).add(i);
        }
        byModel.forEach((lang, indexes) -> {
            List<float[]> v = caches.apply(lang).vectors(indexes.stream().map(i -> chunks.get(i).searchText()).toList(),
                    texts -> embedder.embedAll(texts, lang));
            for (int j = 0; j < indexes.size(); j++) {
                vectors[indexes.get(j)] = v.get(j);
            }
        });
    }

    /**
     * Also embeds the English chunks with the Chinese model, which reads English too, though less
     * well. Short English phrases compared by both models and averaged found their objection more
     * often than by the English model alone (see the README); a second opinion smooths out the
     * words one model over-weighs.
     */
    DenseIndex withSecondOpinion(Embedder embedder, Function<String, EmbeddingCache> caches) {
        List<Integer> english = new ArrayList<>();
        for (int i = 0; i < chunks.size(); i++) {
            if (SECOND_OPINION_FOR.equals(chunks.get(i).lang())) {
                english.add(i);
            }
        }
        List<float[]> v = caches.apply(SECOND_OPINION_MODEL).vectors(english.stream().map(i -> chunks.get(i).searchText()).toList(),
                texts -> embedder.embedAll(texts, SECOND_OPINION_MODEL));
        secondOpinion = new float[chunks.size()][];
        for (int j = 0; j < english.size(); j++) {
            secondOpinion[english.get(j)] = v.get(j);
        }
        return this;
    }

    /** Which chunks get a second opinion, and from which language's model. */
    static final String SECOND_OPINION_FOR = "en";
    static final String SECOND_OPINION_MODEL = "zh";

    boolean hasSecondOpinion(String lang) {
        return secondOpinion != null && SECOND_OPINION_FOR.equals(lang);
    }

    /** The best {@code k} chunks of language {@code lang} for a query vector made by that language's model. */
    public List<Scored> search(float[] q, String lang, int k) {
        return search(q, null, lang, k);
    }

    /**
     * As {@link #search(float[], String, int)}; with {@code second}, the query's vector by the
     * second-opinion model, each similarity is the mean of the two models' similarities.
     */
    List<Scored> search(float[] q, float[] second, String lang, int k) {
        List<Scored> all = new ArrayList<>(vectors.length);
        String model = Embedder.modelFor(lang);
        boolean both = second != null && hasSecondOpinion(lang);
        for (int i = 0; i < vectors.length; i++) {
            if (Embedder.modelFor(chunks.get(i).lang()).equals(model)) {
                double s = dot(q, vectors[i]);
                all.add(new Scored(i, chunks.get(i), both ? (s + dot(second, secondOpinion[i])) / 2 : s));
            }
        }
        all.sort(Comparator.comparingDouble(Scored::score).reversed());
        return all.subList(0, Math.min(k, all.size()));
    }

    private static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0, n = Math.min(a.length, b.length); i < n; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
