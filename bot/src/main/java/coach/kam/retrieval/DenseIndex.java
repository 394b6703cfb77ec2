package coach.kam.retrieval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Cosine similarity between a question and every chunk; a few hundred vectors need no ANN index. */
public final class DenseIndex {
    private final List<Chunk> chunks;
    private final float[][] vectors;
    private final Embedder embedder;

    public DenseIndex(List<Chunk> chunks, Embedder embedder, EmbeddingCache cache) {
        this.chunks = List.copyOf(chunks);
        this.embedder = embedder;
        List<float[]> v = cache.vectors(chunks.stream().map(Chunk::searchText).toList(), embedder::embedAll);
        this.vectors = v.toArray(new float[0][]);
    }

    public List<Scored> search(String query, int k) {
        return search(embedder.embed(query), k);
    }

    public List<Scored> search(float[] q, int k) {
        List<Scored> all = new ArrayList<>(vectors.length);
        for (int i = 0; i < vectors.length; i++) {
            all.add(new Scored(i, chunks.get(i), dot(q, vectors[i])));
        }
        all.sort(Comparator.comparingDouble(Scored::score).reversed());
        return all.subList(0, Math.min(k, all.size()));
    }

    private static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
