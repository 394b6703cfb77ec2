package coach.kam.objections;

import coach.kam.knowledge.KnowledgeBase;
import coach.kam.retrieval.HybridRetriever;
import coach.kam.retrieval.Languages;
import coach.kam.retrieval.Scored;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Matches a customer phrase against every typical phrasing with the shared hybrid retrieval. An
 * objection scores as its best phrasings together (the best, plus half the second, plus a quarter
 * of the third): a phrase near three phrasings of one objection is more surely that objection than
 * a phrase that happens to share words with a single phrasing of another. On the evaluation sets
 * this put the right objection first more often than the best phrasing alone, in both languages.
 */
public final class ObjectionMatcher {
    static final int MAX_MATCHES = 5;
    /**
     * A phrase counts as matched when it is very near some typical phrasing, or fairly near and
     * sharing a good part of its words; short small talk is fairly near everything.
     */
    static final double SURE_DENSE = 0.72;
    static final double MIN_DENSE = 0.665;
    static final double MIN_COVERAGE = 0.15;
    static final int QUERY_LIMIT = 300;
    static final int PHRASINGS_COUNTED = 3;

    private final HybridRetriever retriever;
    private final KnowledgeBase knowledge;

    public ObjectionMatcher(HybridRetriever retriever, KnowledgeBase knowledge) {
        this.retriever = retriever;
        this.knowledge = knowledge;
    }

    public Lookup match(String said) {
        String query = said.strip().length() > QUERY_LIMIT ? said.strip().substring(0, QUERY_LIMIT) : said.strip();
        String lang = Languages.detect(query);
        HybridRetriever.Result r = retriever.searchWithEvidence(query, 80, HybridRetriever.Mode.WEIGHTED_SUM);
        List<Match> matches = new ArrayList<>();
        byObjection(r.hits()).forEach((id, score) -> knowledge.objection(id).ifPresent(o ->
                matches.add(new Match(id, o.in(lang).title(), Math.round(score * 10000) / 10000.0))));
        matches.sort(Comparator.comparingDouble(Match::score).reversed());
        List<Match> top = matches.subList(0, Math.min(MAX_MATCHES, matches.size()));
        boolean confident = !top.isEmpty() && (r.bestDense() >= SURE_DENSE
                || (r.bestDense() >= MIN_DENSE && r.coverage() >= MIN_COVERAGE));
        return new Lookup(query, lang, List.copyOf(top), confident, r.bestDense());
    }

    /** Hits arrive best first, so each objection's first three are its best three. */
    private static Map<String, Double> byObjection(List<Scored> hits) {
        Map<String, Double> score = new LinkedHashMap<>();
        Map<String, Integer> seen = new HashMap<>();
        for (Scored s : hits) {
            int n = seen.merge(s.chunk().source(), 1, Integer::sum);
            if (n <= PHRASINGS_COUNTED) {
                score.merge(s.chunk().source(), s.score() / (1 << (n - 1)), Double::sum);
            }
        }
        return score;
    }
}
