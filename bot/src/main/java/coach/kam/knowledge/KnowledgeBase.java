package coach.kam.knowledge;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Everything in the knowledge folder, checked and ready to serve. */
public final class KnowledgeBase {
    /** The fixed methodology topic ids, in teaching order. */
    public static final List<String> TOPIC_IDS = List.of("growth-doubling", "lead-to-cash", "market-planning",
            "customer-profile", "lead-generation", "needs-discovery", "proposal", "objection-handling",
            "account-classification", "daily-management", "joint-business-plan", "uplift-five-steps", "evaluation",
            "pitfalls", "action-plan");
    /** The objection ids other tools rely on; more may exist. */
    public static final List<String> OBJECTION_IDS = List.of("price-too-high", "competitor-cheaper", "no-budget",
            "have-supplier", "need-to-think", "not-decision-maker", "bad-timing", "too-busy", "send-materials",
            "no-need", "bad-experience", "payment-terms", "quality-concern", "small-company-risk", "contract-lockin");
    public static final List<String> LANGS = List.of("zh", "en");

    private final Map<String, Map<String, Topic>> topics;
    private final Map<String, Objection> objections;
    private final Map<String, Checklist> checklists;
    private final Map<String, Flow> flows;
    private final Map<String, List<String>> notCovered;

    KnowledgeBase(Map<String, Map<String, Topic>> topics, Map<String, Objection> objections,
                  Map<String, Checklist> checklists, Map<String, Flow> flows, Map<String, List<String>> notCovered) {
        this.topics = topics;
        this.objections = objections;
        this.checklists = checklists;
        this.flows = flows;
        this.notCovered = notCovered;
    }

    /** Questions of {@code lang} the knowledge base does not answer (not-covered.yaml); empty without that file. */
    public List<String> notCovered(String lang) {
        return notCovered.getOrDefault(lang, List.of());
    }

    /** A walkthrough definition from knowledge/flows. */
    public Optional<Flow> flow(String id) {
        return Optional.ofNullable(flows.get(id));
    }

    public Optional<Topic> topic(String id, String lang) {
        return Optional.ofNullable(topics.get(id)).map(byLang -> byLang.getOrDefault(lang, byLang.get("en")));
    }

    /** Topics of one language in teaching order. */
    public List<Topic> topics(String lang) {
        return TOPIC_IDS.stream().map(id -> topic(id, lang)).flatMap(Optional::stream).toList();
    }

    public Optional<Objection> objection(String id) {
        return Optional.ofNullable(objections.get(id));
    }

    /** All objections, fixed ids first in their order, then any added ones by id. */
    public List<Objection> objections() {
        return objections.values().stream().sorted(java.util.Comparator
                .comparingInt((Objection o) -> OBJECTION_IDS.contains(o.id()) ? OBJECTION_IDS.indexOf(o.id()) : 999)
                .thenComparing(Objection::id)).toList();
    }

    public Optional<Checklist> checklist(String id) {
        return Optional.ofNullable(checklists.get(id));
    }

    public List<Checklist> checklists() {
        return checklists.values().stream().sorted(java.util.Comparator.comparing(Checklist::id)).toList();
    }
}
