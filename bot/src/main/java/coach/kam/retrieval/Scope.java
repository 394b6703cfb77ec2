package coach.kam.retrieval;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads a question as a question, not as a search for passages, against two lists: what each topic
 * is about (its title, section headings and tags) and questions the knowledge base does not answer
 * (not-covered.yaml: everyday life, other trades, general knowledge, and near misses such as pricing
 * a used car). Similarity to the sections alone could not tell "how do I close a bank account" from
 * "how do I close the deal"; and a rep's short question is often nearer a heading or a tag ("all
 * our revenue comes from one client" and "over-dependence on one customer") than a whole section.
 */
public final class Scope {
    private final List<Chunk> chunks;
    private final DenseIndex index;
    private final Embedder embedder;

    Scope(List<Chunk> chunks, Embedder embedder, Function<String, EmbeddingCache> caches) {
        this.chunks = List.copyOf(chunks);
        this.index = new DenseIndex(chunks, embedder, caches);
        this.embedder = embedder;
    }

    /**
     * {@code margin}: the best similarity to a topic's title, heading or tag minus the best similarity
     * to a question not covered, NaN when the language has no such questions. {@code nearness}: per
     * topic, its best similarity scaled to 0..1 across the topics.
     */
    record Reading(double margin, Map<String, Double> nearness) {
        static final Reading NONE = new Reading(Double.NaN, Map.of());
    }

    Reading read(String query, String lang) {
        double outside = -1;
        boolean anchored = false;
        Map<String, Double> best = new HashMap<>();
        for (Scored s : index.search(embedder.embed(query, lang), lang, chunks.size())) {
            if (Corpus.OUTSIDE.equals(s.chunk().kind())) {
                outside = Math.max(outside, s.score());
                anchored = true;
            } else {
                best.merge(s.chunk().source(), s.score(), Math::max);
            }
        }
        if (best.isEmpty()) {
            return Reading.NONE;
        }
        double max = best.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
        double min = best.values().stream().mapToDouble(Double::doubleValue).min().orElse(0);
        Map<String, Double> nearness = new HashMap<>();
        best.forEach((topic, s) -> nearness.put(topic, max == min ? 1 : (s - min) / (max - min)));
        return new Reading(anchored ? max - outside : Double.NaN, Map.copyOf(nearness));
    }
}
