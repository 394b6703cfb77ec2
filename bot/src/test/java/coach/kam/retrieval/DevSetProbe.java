package coach.kam.retrieval;

import coach.kam.knowledge.KnowledgeBase;
import coach.kam.knowledge.KnowledgeLoader;
import coach.kam.store.MapDbStore;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Scratch probe: prints hit rates on the dev sets. */
public class DevSetProbe {
    static List<String> agg(List<Scored> hits, double decay) {
        java.util.Map<String, Double> score = new java.util.HashMap<>();
        java.util.Map<String, Integer> seen = new java.util.HashMap<>();
        for (Scored h : hits) {
            int k = seen.merge(h.chunk().source(), 1, Integer::sum) - 1;
            score.merge(h.chunk().source(), h.score() * Math.pow(decay, k), Double::sum);
        }
        return score.entrySet().stream().sorted(java.util.Map.Entry.<String, Double>comparingByValue().reversed()).map(java.util.Map.Entry::getKey).toList();
    }

    public static void main(String[] args) throws Exception {
        KnowledgeBase kb = KnowledgeLoader.load(Path.of("../knowledge"));
        Embedder e = Embedder.load();
        try (MapDbStore store = MapDbStore.open(Path.of("/tmp/probe-data"))) {
            EmbeddingCache cache = new EmbeddingCache(store, Embedder.MODEL_NAME);
            HybridRetriever qa = new HybridRetriever(Corpus.forQuestions(kb), e, cache, args.length > 0 ? Embedder.QUESTION_INSTRUCTION : "");
            ObjectMapper m = new ObjectMapper();
            List<String> lines = Files.readAllLines(Path.of("src/test/resources/eval/ask-dev.jsonl"));
            for (HybridRetriever.Mode mode : HybridRetriever.Mode.values()) {
                int h1 = 0, h3 = 0;
                for (String l : lines) {
                    JsonNode n = m.readTree(l);
                    List<String> want = m.convertValue(n.get("topics"), List.class);
                    List<String> got = agg(qa.search(n.get("q").asText(), 20, mode), Double.parseDouble(System.getProperty("decay", "0")));
                    if (!got.isEmpty() && want.contains(got.get(0))) h1++;
                    if (got.stream().limit(3).anyMatch(want::contains)) h3++;
                    else if (mode == HybridRetriever.Mode.HYBRID) System.out.println("MISS " + n.get("q").asText() + " want " + want + " got " + got.stream().limit(3).toList());
                }
                System.out.printf("QA %s hit@1 %.3f hit@3 %.3f%n", mode, h1 / (double) lines.size(), h3 / (double) lines.size());
            }
            HybridRetriever ob = new HybridRetriever(Corpus.forObjections(kb), e, cache, "");
            lines = Files.readAllLines(Path.of("src/test/resources/eval/objection-dev.jsonl"));
            for (HybridRetriever.Mode mode : HybridRetriever.Mode.values()) {
                int h1 = 0;
                for (String l : lines) {
                    JsonNode n = m.readTree(l);
                    List<String> got = agg(ob.search(n.get("text").asText(), 20, mode), Double.parseDouble(System.getProperty("odecay", "0")));
                    if (!got.isEmpty() && got.get(0).equals(n.get("id").asText())) h1++;
                    else if (mode == HybridRetriever.Mode.HYBRID) System.out.println("OMISS " + n.get("text").asText() + " want " + n.get("id").asText() + " got " + got.stream().limit(3).toList());
                }
                System.out.printf("OBJ %s hit@1 %.3f%n", mode, h1 / (double) lines.size());
            }
        }
    }
}
