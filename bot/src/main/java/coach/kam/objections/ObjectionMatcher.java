package coach.kam.objections;

import coach.kam.knowledge.KnowledgeBase;
import coach.kam.retrieval.HybridRetriever;
import coach.kam.retrieval.Languages;
import coach.kam.retrieval.Scored;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Matches a customer phrase against every typical phrasing with the shared hybrid retrieval; an
 * objection scores as its best phrasing.
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

    private final HybridRetriever retriever;
    private final KnowledgeBase knowledge;

    public ObjectionMatcher(HybridRetriever retriever, KnowledgeBase knowledge) {
        this.retriever = retriever;
        this.knowledge = knowledge;
    }

    public Lookup match(String said) {
        String query = said.strip().length() > QUERY_LIMIT ? said.strip().substring(0, QUERY_LIMIT) : said.strip();
        String lang = Languages.detect(query);
        HybridRetriever.Result r = retriever.searchWithEvidence(query, 60, HybridRetriever.Mode.HYBRID);
        Map<String, Double> best = new LinkedHashMap<>();
        for (Scored s : r.hits()) {
            best.putIfAbsent(s.chunk().source(), s.score());
        }
        List<Match> matches = new ArrayList<>();
        best.forEach((id, score) -> knowledge.objection(id).ifPresent(o ->
                matches.add(new Match(id, o.in(lang).title(), Math.round(score * 10000) / 10000.0))));
        List<Match> top = matches.subList(0, Math.min(MAX_MATCHES, matches.size()));
        boolean confident = !top.isEmpty() && (r.bestDense() >= SURE_DENSE
                || (r.bestDense() >= MIN_DENSE && r.coverage() >= MIN_COVERAGE));
        return new Lookup(query, lang, List.copyOf(top), confident, r.bestDense());
    }
}
