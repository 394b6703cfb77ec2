package coach.kam.ask;

import coach.kam.retrieval.Chunk;
import coach.kam.retrieval.Corpus;
import coach.kam.retrieval.Scored;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Ranks topics from chunk hits. A topic that several good sections point to beats one lucky
 * section: each further section of a topic adds its score with a decaying weight. An objection
 * card counts for less than a methodology section: its scripts are chatty ("how", "your", "we")
 * and otherwise pulled general and unrelated questions to objection handling.
 */
final class TopicRanking {
    static final double DECAY = 0.4;
    static final double OBJECTION_CARD_WEIGHT = 0.5;
    /**
     * Weight of a topic's nearness to the question (its headings and tags read as questions, 0..1)
     * added to its score; on the evaluation sets it lifted the right topic into first place more
     * often in both languages (see the README).
     */
    static final double NEARNESS_WEIGHT = 2.0;

    record RankedTopic(String topic, double score, List<Scored> hits) {
    }

    private TopicRanking() {
    }

    static List<RankedTopic> rank(List<Scored> hits, Map<String, Double> nearness) {
        List<Scored> weighted = new ArrayList<>(hits.size());
        for (Scored h : hits) {
            boolean card = Corpus.OBJECTION.equals(h.chunk().kind());
            weighted.add(card ? new Scored(h.index(), h.chunk(), h.score() * OBJECTION_CARD_WEIGHT) : h);
        }
        weighted.sort(Comparator.comparingDouble(Scored::score).reversed());
        Map<String, List<Scored>> byTopic = new LinkedHashMap<>();
        for (Scored h : weighted) {
            byTopic.computeIfAbsent(h.chunk().source(), k -> new ArrayList<>()).add(h);
        }
        List<RankedTopic> ranked = new ArrayList<>();
        byTopic.forEach((topic, list) -> {
            double score = 0;
            double weight = 1;
            for (Scored s : list) {
                score += s.score() * weight;
                weight *= DECAY;
            }
            ranked.add(new RankedTopic(topic, score + NEARNESS_WEIGHT * nearness.getOrDefault(topic, 0.0), list));
        });
        ranked.sort(Comparator.comparingDouble(RankedTopic::score).reversed());
        return ranked;
    }

    /** The topic's best methodology section in the wanted language, else its best hit in it, else its best hit. */
    static Scored bestIn(RankedTopic topic, String lang) {
        Scored sameLanguage = null;
        for (Scored s : topic.hits()) {
            Chunk c = s.chunk();
            if (c.lang().equals(lang) && Corpus.TOPIC.equals(c.kind())) {
                return s;
            }
            if (c.lang().equals(lang) && sameLanguage == null) {
                sameLanguage = s;
            }
        }
        return sameLanguage != null ? sameLanguage : topic.hits().get(0);
    }
}
