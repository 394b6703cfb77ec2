package coach.kam.retrieval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * BM25 and dense retrieval fused by reciprocal rank: each finds what the other misses (smartcn's
 * dictionary is old; the small model is weak across languages). Chunks in the question's language
 * get a small lift, so a Chinese question is answered in Chinese when both languages cover it.
 */
public final class HybridRetriever {
    /** Which retrievers to use; the benchmark compares them. */
    public enum Mode { BM25, DENSE, HYBRID, WEIGHTED_SUM }

    static final int RRF_K = 60;
    static final int DEPTH = 40;
    static final double SAME_LANGUAGE_LIFT = 1.15;

    private final Bm25Index bm25;
    private final DenseIndex dense;
    private final Embedder embedder;
    private final boolean instructed;
    private final double lexicalWeight;
    private final Scope scope;

    /**
     * {@code instructed}: queries go to the embedding model after its retrieval instruction (short
     * questions against passages), else as they are (phrases against phrases);
     * {@code lexicalWeight} is BM25's weight in the fusion, the dense retriever's being 1.
     * With {@code scopeChunks} (see {@link Corpus#forScope}), results also say how far in scope a
     * query is; with {@code secondOpinion}, English is compared by both models (see {@link DenseIndex}).
     */
    public HybridRetriever(List<Chunk> chunks, Embedder embedder, java.util.function.Function<String, EmbeddingCache> caches,
                           boolean instructed, double lexicalWeight, List<Chunk> scopeChunks, boolean secondOpinion) {
        this.bm25 = new Bm25Index(chunks);
        DenseIndex index = new DenseIndex(chunks, embedder, caches);
        this.dense = secondOpinion ? index.withSecondOpinion(embedder, caches) : index;
        this.embedder = embedder;
        this.instructed = instructed;
        this.lexicalWeight = lexicalWeight;
        this.scope = scopeChunks.isEmpty() ? null : new Scope(scopeChunks, embedder, caches);
    }

    public List<Scored> search(String query, int k) {
        return search(query, k, Mode.HYBRID);
    }

    /** The best chunks with the fused score; also returns the best dense similarity through {@link Result}. */
    public Result searchWithEvidence(String asked, int k, Mode mode) {
        // Traditional characters are read as simplified: the knowledge and the analysers are simplified.
        String query = ChineseScript.simplified(asked);
        String lang = Languages.detect(query);
        List<Scored> lexical = mode == Mode.DENSE ? List.of() : bm25.search(query, DEPTH);
        List<Scored> semantic = mode == Mode.BM25 || Embedder.readable(query).isEmpty() ? List.of() : semantic(query, lang);
        Map<Integer, Double> fused = new HashMap<>();
        Map<Integer, Chunk> byIndex = new HashMap<>();
        if (mode == Mode.WEIGHTED_SUM) {
            addNormalised(lexical, fused, byIndex, lexicalWeight);
            addNormalised(semantic, fused, byIndex, 1.0);
        } else {
            addRanks(lexical, fused, byIndex, lexicalWeight);
            addRanks(semantic, fused, byIndex, 1.0);
        }
        List<Scored> out = new ArrayList<>();
        fused.forEach((i, s) -> {
            Chunk c = byIndex.get(i);
            out.add(new Scored(i, c, c.lang().equals(lang) ? s * SAME_LANGUAGE_LIFT : s));
        });
        out.sort(Comparator.comparingDouble(Scored::score).reversed());
        double bestDense = semantic.isEmpty() ? 0 : semantic.get(0).score();
        double bestLexical = lexical.isEmpty() ? 0 : lexical.get(0).score();
        double coverage = 0;
        for (Scored s : out.subList(0, Math.min(3, out.size()))) {
            coverage = Math.max(coverage, bm25.coverage(query, lang, s.chunk()));
        }
        Scope.Reading reading = scope == null || semantic.isEmpty() ? Scope.Reading.NONE : scope.read(query, lang);
        return new Result(out.subList(0, Math.min(k, out.size())), lang, bestLexical, bestDense, coverage,
                reading.margin(), reading.nearness());
    }

    private List<Scored> semantic(String query, String lang) {
        float[] q = embedder.embed((instructed ? Embedder.questionInstruction(lang) : "") + query, lang);
        float[] second = dense.hasSecondOpinion(lang) ? embedder.embed(query, DenseIndex.SECOND_OPINION_MODEL) : null;
        return dense.search(q, second, lang, DEPTH);
    }

    public List<Scored> search(String query, int k, Mode mode) {
        return searchWithEvidence(query, k, mode).hits();
    }

    private static void addRanks(List<Scored> ranked, Map<Integer, Double> fused, Map<Integer, Chunk> byIndex,
                                 double weight) {
        for (int r = 0; r < ranked.size(); r++) {
            Scored s = ranked.get(r);
            fused.merge(s.index(), weight / (RRF_K + r + 1), Double::sum);
            byIndex.put(s.index(), s.chunk());
        }
    }

    /** The alternative to rank fusion: scores scaled to 0..1 within each list, then a weighted sum. */
    private static void addNormalised(List<Scored> ranked, Map<Integer, Double> fused, Map<Integer, Chunk> byIndex,
                                      double weight) {
        if (ranked.isEmpty()) {
            return;
        }
        double max = ranked.get(0).score();
        double min = ranked.get(ranked.size() - 1).score();
        for (Scored s : ranked) {
            double scaled = max == min ? 1 : (s.score() - min) / (max - min);
            fused.merge(s.index(), weight * scaled, Double::sum);
            byIndex.put(s.index(), s.chunk());
        }
    }

    /**
     * Hits plus how strong the best raw evidence was, for the "not covered" decision. With scope
     * chunks, {@code scopeMargin} says how much nearer the query is to the topics than to questions
     * not covered (NaN without them) and {@code topicNearness} how near it is to each topic's
     * headings and tags, 0..1 (empty without them); see {@link Scope}.
     */
    public record Result(List<Scored> hits, String lang, double bestLexical, double bestDense, double coverage,
                         double scopeMargin, java.util.Map<String, Double> topicNearness) {
    }

    /** The embedding models this retriever uses, shared with the per-rep indexes of own records. */
    public Embedder embedder() {
        return embedder;
    }

    public Bm25Index bm25() {
        return bm25;
    }
}
