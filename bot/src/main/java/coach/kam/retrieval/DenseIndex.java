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

    /** The best {@code k} chunks of language {@code lang} for a query vector made by that language's model. */
    public List<Scored> search(float[] q, String lang, int k) {
        List<Scored> all = new ArrayList<>(vectors.length);
        String model = Embedder.modelFor(lang);
        for (int i = 0; i < vectors.length; i++) {
            if (Embedder.modelFor(chunks.get(i).lang()).equals(model)) {
                all.add(new Scored(i, chunks.get(i), dot(q, vectors[i])));
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
