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
 * section: each further section of a topic adds its score with a decaying weight.
 */
final class TopicRanking {
    static final double DECAY = 0.4;

    record RankedTopic(String topic, double score, List<Scored> hits) {
    }

    private TopicRanking() {
    }

    static List<RankedTopic> rank(List<Scored> hits) {
        Map<String, List<Scored>> byTopic = new LinkedHashMap<>();
        for (Scored h : hits) {
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
            ranked.add(new RankedTopic(topic, score, list));
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
