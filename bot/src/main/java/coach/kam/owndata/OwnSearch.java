package coach.kam.owndata;

import coach.kam.retrieval.ChineseScript;
import coach.kam.retrieval.Embedder;
import coach.kam.retrieval.Languages;
import coach.kam.text.Head;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Searches one rep's records for a question: about one account, or all of the rep's accounts.
 * Runs after the turn's commit, outside the store's lock: it reads in short transactions of its
 * own, embeds what is new, then searches.
 */
public final class OwnSearch {
    /** How much of a question is read. */
    public static final int QUESTION_CHARS = 300;
    /**
     * Below this cosine similarity a record matching no word of the question is not an answer: the
     * best record for a question the records cannot answer ("what's the weather in paris?",
     * "今天天气怎么样") was near 0.5 with both models.
     */
    static final double ZH_NEAR = 0.55;
    static final double EN_NEAR = 0.55;

    /** A record found for a question. */
    public record Hit(OwnRecord record, double score, double similarity, boolean sharesWords) {
    }

    /** What was found, best first; empty when nothing is close enough to quote. */
    public record Found(List<Hit> hits, String lang) {
        public boolean any() {
            return !hits.isEmpty();
        }
    }

    private final OwnIndexes indexes;

    public OwnSearch(OwnIndexes indexes) {
        this.indexes = indexes;
    }

    /** The best {@code k} records of the rep for the question; {@code accountId} null searches every account. */
    public Found search(long ownerId, Long accountId, String question, int k) {
        try {
            return once(ownerId, accountId, question, k);
        } catch (org.apache.lucene.store.AlreadyClosedException evicted) {
            // the rep's index was evicted for another rep's while this read it: built again
            return once(ownerId, accountId, question, k);
        }
    }

    /**
     * Embeds a question before its turn, outside the store's lock, so that its search finds the
     * vector ready (the embedder keeps the latest ones).
     */
    public void prepare(String question) {
        String q = cleaned(question);
        String lang = Languages.detect(q);
        try {
            indexes.embedder().ifPresent(m -> m.embed(Embedder.questionInstruction(lang) + q, lang));
        } catch (RuntimeException e) {
            // a model that stopped: the search embeds the question itself, or answers by words
        }
    }

    private static String cleaned(String question) {
        return ChineseScript.simplified(Head.of(question == null ? "" : question, QUESTION_CHARS)).strip();
    }

    private Found once(long ownerId, Long accountId, String question, int k) {
        String q = cleaned(question);
        String lang = Languages.detect(q);
        OwnIndexes.Rep rep = indexes.rep(ownerId);
        if (accountId != null) {
            indexes.refreshOthers(ownerId, rep, accountId, Duration.ZERO);
        } else {
            for (long id : indexes.accountIds(ownerId)) {
                indexes.refreshOthers(ownerId, rep, id, OwnIndexes.OTHERS_FRESH);
            }
        }
        indexes.embed(rep, OwnIndexes.EMBED_PER_QUESTION);
        if (!rep.index.fullyEmbedded()) {
            indexes.embedLater(ownerId);
        }
        Optional<Embedder> e = indexes.embedder();
        float[] vector = e.map(m -> m.embed(Embedder.questionInstruction(lang) + q, lang)).orElse(null);
        List<RepIndex.Hit> found = rep.index.search(q, lang, vector, Embedder.modelFor(lang), accountId, Math.max(k, 10));
        double near = "en".equals(lang) ? EN_NEAR : ZH_NEAR;
        List<Hit> hits = found.stream()
                .filter(h -> h.lexical() || !Double.isNaN(h.dense()) && h.dense() >= near)
                .limit(k)
                .map(h -> new Hit(h.record(), h.score(), h.dense(), h.lexical()))
                .toList();
        return new Found(hits, lang);
    }
}
