package coach.kam.practice;

import coach.kam.knowledge.Checklist;
import coach.kam.knowledge.Flow;
import coach.kam.knowledge.KnowledgeBase;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Short questions on the method, made from the knowledge files so they change with them: which
 * step comes after another (lead to cash, the five uplift steps), which strategy a tier gets (the
 * evaluation's scoring) and which part of a customer profile an item belongs to. Each has three
 * choices and names the file its answer comes from.
 */
public final class Quizzes {
    /** A question in both languages; {@code answer} is the index of the right choice. */
    public record Question(String id, Map<String, String> prompt, Map<String, List<String>> choices, int answer,
                           String source) {
        public String prompt(String lang) {
            return prompt.getOrDefault(lang, prompt.get("en"));
        }

        public List<String> choices(String lang) {
            return choices.getOrDefault(lang, choices.get("en"));
        }
    }

    static final List<String> ORDERED = List.of("lead-to-cash", "uplift-five-steps");
    static final String PROFILE = "customer-profile";
    private final Map<String, Question> questions = new LinkedHashMap<>();

    public Quizzes(KnowledgeBase kb) {
        List<Question> all = new ArrayList<>();
        ORDERED.forEach(id -> kb.checklist(id).ifPresent(c -> all.addAll(order(c))));
        kb.flow("evaluate").map(Flow::scoring).ifPresent(s -> all.addAll(tiers(s)));
        kb.checklist(PROFILE).ifPresent(c -> all.addAll(parts(c)));
        // one of each kind in turn, so the first few questions are not all of one kind
        Map<Question, Integer> ranks = new java.util.IdentityHashMap<>();
        all.forEach(q -> ranks.put(q, rank(q, all)));
        all.sort(java.util.Comparator.comparingInt(ranks::get));
        all.forEach(q -> questions.put(q.id(), q));
    }

    private static int rank(Question q, List<Question> all) {
        String kind = q.id().substring(0, q.id().indexOf('/'));
        int n = 0;
        for (Question o : all) {
            if (o == q) {
                break;
            }
            n += o.id().startsWith(kind + "/") ? 1 : 0;
        }
        return n * 4 + (kind.equals("after") ? 0 : kind.equals("tier") ? 1 : 2);
    }

    public List<Question> all() {
        return List.copyOf(questions.values());
    }

    public Optional<Question> get(String id) {
        return Optional.ofNullable(questions.get(id));
    }

    private static List<Question> order(Checklist c) {
        List<Question> out = new ArrayList<>();
        List<Checklist.Part> s = c.sections();
        for (int i = 0; i + 1 < s.size(); i++) {
            Checklist.Part here = s.get(i);
            List<Checklist.Part> options = List.of(s.get(i + 1), s.get((i + 2) % s.size()),
                    s.get(i == 0 ? s.size() - 1 : i - 1));
            Map<String, String> prompt = Map.of(
                    "zh", "在「" + c.title("zh") + "」里,「" + step(here.title("zh")) + "」的下一步是?",
                    "en", "In " + c.title("en") + ", what comes after \"" + step(here.title("en")) + "\"?");
            out.add(question("after/" + c.id() + "/" + here.id(), prompt,
                    options.stream().map(p -> Map.of("zh", step(p.title("zh")), "en", step(p.title("en")))).toList(),
                    "knowledge/checklists/" + c.id() + ".yaml"));
        }
        return out;
    }

    private static List<Question> tiers(Flow.Scoring scoring) {
        List<Question> out = new ArrayList<>();
        List<Flow.TierRule> rules = scoring.tiers();
        for (int i = 0; i < rules.size(); i++) {
            Flow.TierRule r = rules.get(i);
            int max = i == 0 ? 100 : rules.get(i - 1).min() - 1;
            List<String> ids = new ArrayList<>(List.of(r.strategy()));
            for (int k = 1; ids.size() < 3 && k < rules.size(); k++) {
                String other = rules.get((i + k) % rules.size()).strategy();
                if (!ids.contains(other)) {
                    ids.add(other);
                }
            }
            Map<String, String> prompt = Map.of(
                    "zh", "评估得分 " + r.min() + "–" + max + " 分(" + r.tier() + " 级)的客户,用哪种经营策略?",
                    "en", "An account scoring " + r.min() + "–" + max + " (tier " + r.tier() + "): which strategy?");
            out.add(question("tier/" + r.tier() + r.min(), prompt, ids.stream().map(id -> {
                Flow.Strategy st = scoring.strategies().get(id);
                return Map.of("zh", st == null ? id : st.zh(), "en", st == null ? id : st.en());
            }).toList(), "knowledge/flows/evaluate.yaml"));
        }
        return out;
    }

    private static List<Question> parts(Checklist c) {
        List<Question> out = new ArrayList<>();
        List<Checklist.Part> s = c.sections();
        for (int i = 0; i < s.size(); i++) {
            Checklist.Part part = s.get(i);
            List<Checklist.Part> options = List.of(part, s.get((i + 1) % s.size()), s.get((i + 3) % s.size()));
            for (Checklist.Item item : part.items().subList(0, Math.min(2, part.items().size()))) {
                Map<String, String> prompt = Map.of(
                        "zh", "客户画像里,「" + item.zh() + "」属于哪一部分?",
                        "en", "In a customer profile, where does \"" + item.en() + "\" belong?");
                out.add(question("part/" + item.id(), prompt,
                        options.stream().map(p -> Map.of("zh", p.title("zh"), "en", p.title("en"))).toList(),
                        "knowledge/checklists/" + c.id() + ".yaml"));
            }
        }
        return out;
    }

    /** Places the right choice (the first of {@code options}) at a place fixed by the id. */
    private static Question question(String id, Map<String, String> prompt, List<Map<String, String>> options,
                                     String source) {
        int n = options.size();
        int at = Math.floorMod(id.hashCode(), n);
        List<Map<String, String>> placed = new ArrayList<>(options.subList(1, n));
        placed.add(at, options.get(0));
        Map<String, List<String>> choices = Map.of("zh", placed.stream().map(m -> m.get("zh")).toList(),
                "en", placed.stream().map(m -> m.get("en")).toList());
        return new Question(id, prompt, choices, at, source);
    }

    /** "第一步:大客户分类" is asked as "大客户分类", "Step 1: Classify" as "Classify". */
    static String step(String title) {
        int colon = Math.max(title.indexOf(':'), title.indexOf('：'));
        boolean numbered = title.startsWith("第") || title.toLowerCase(java.util.Locale.ROOT).startsWith("step");
        return numbered && colon > 0 ? title.substring(colon + 1).strip() : title;
    }
}
