package coach.kam.deals;

import coach.kam.knowledge.Checklist;
import coach.kam.knowledge.KnowledgeBase;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The stages a deal moves through: the sections of the lead-to-cash checklist, in order. */
public final class Stages {
    public static final String CHECKLIST = "lead-to-cash";

    /** One stage: its id, names, weight in percent and the days a deal usually stays there. */
    public record Stage(String id, int index, Checklist.Part part, int weight, int days) {
        public String title(String lang) {
            return part.title(lang);
        }
    }

    private final List<Stage> stages;

    public Stages(KnowledgeBase knowledge) {
        Checklist l2c = knowledge.checklist(CHECKLIST)
                .orElseThrow(() -> new IllegalStateException("the knowledge has no " + CHECKLIST + " checklist"));
        List<Checklist.Part> parts = l2c.sections();
        this.stages = java.util.stream.IntStream.range(0, parts.size()).mapToObj(i -> {
            Checklist.Part p = parts.get(i);
            return new Stage(p.id(), i, p, p.weight() == null ? 0 : p.weight(), p.days() == null ? 30 : p.days());
        }).toList();
    }

    public List<Stage> all() {
        return stages;
    }

    public Stage first() {
        return stages.get(0);
    }

    public Optional<Stage> get(String id) {
        return stages.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    public Optional<Stage> at(int index) {
        return index >= 0 && index < stages.size() ? Optional.of(stages.get(index)) : Optional.empty();
    }

    /**
     * The stage a word names: its id, a title in either language, or one of its other words; "方案阶段"
     * also finds the stage called "方案". Matching ignores case.
     */
    public Optional<Stage> named(String word) {
        String w = word.strip().toLowerCase(Locale.ROOT);
        if (w.isEmpty()) {
            return Optional.empty();
        }
        for (Stage s : stages) {
            if (s.id().equals(w) || s.part().words().stream().anyMatch(x -> x.toLowerCase(Locale.ROOT).equals(w))) {
                return Optional.of(s);
            }
            for (String title : s.part().title().values()) {
                String t = title.toLowerCase(Locale.ROOT);
                if (t.equals(w) || w.equals(t + "阶段") || w.equals(t + " stage")) {
                    return Optional.of(s);
                }
            }
        }
        return Optional.empty();
    }
}
