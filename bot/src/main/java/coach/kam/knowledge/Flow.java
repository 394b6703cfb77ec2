package coach.kam.knowledge;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A walkthrough as written in {@code knowledge/flows/<id>.yaml}: steps with prompts in both
 * languages, the kind of answer each takes, and for evaluation and classification the rules that
 * turn answers into a result. Behaviour (parsing answers, validators, scoring) is code; this is data.
 */
public record Flow(String id, int version, Text title, Text intro, List<Step> steps, Scoring scoring,
                   Classification classification) {

    /** A sentence in both languages. */
    public record Text(String zh, String en) {
        public String in(String lang) {
            return "zh".equals(lang) && zh != null ? zh : en;
        }
    }

    public enum Kind { CHOICE, MULTI, SCORE, NUMBER, MONEY, DATE, TEXT, LONGTEXT, PERSON }

    public record Step(String id, Text group, Text prompt, Text hint, String kind, String field,
                       List<Choice> choices, Boolean other, Map<Integer, Text> anchors, Double min, Double max,
                       Text unit, String role, When when, String validator) {
        public Kind type() {
            return Kind.valueOf(kind.toUpperCase(java.util.Locale.ROOT));
        }

        public List<Choice> choices() {
            return choices == null ? List.of() : choices;
        }

        public boolean allowsOther() {
            return Boolean.TRUE.equals(other);
        }

        public Optional<Choice> choice(String choiceId) {
            return choices().stream().filter(c -> c.id().equals(choiceId)).findFirst();
        }
    }

    /** One option of a choice step; the id is what is stored. */
    public record Choice(String id, String zh, String en) {
        public String label(String lang) {
            return "zh".equals(lang) ? zh : en;
        }
    }

    /** Ask a step only when an earlier step's answer is one of these choice ids. */
    public record When(String step, List<String> in) {
    }

    /** How evaluation answers become a score out of 100, a tier and a strategy. */
    public record Scoring(List<Group> groups, List<TierRule> tiers, Map<String, Strategy> strategies) {
    }

    public record Group(String id, Text title, int weight, List<String> steps) {
    }

    public record TierRule(String tier, int min, String strategy) {
    }

    public record Strategy(String zh, String en, Text advice) {
        public String name(String lang) {
            return "zh".equals(lang) ? zh : en;
        }
    }

    /** Two choice steps pick a cell of a matrix; the cell names a class, which sets the cadence. */
    public record Classification(String rows, String columns, Map<String, Map<String, String>> matrix,
                                 List<AccountClass> classes) {
        public Optional<AccountClass> accountClass(String id) {
            return classes.stream().filter(c -> c.id().equals(id)).findFirst();
        }
    }

    public record AccountClass(String id, Text title,
                               @com.fasterxml.jackson.annotation.JsonProperty("visit-every-days") int visitEveryDays,
                               @com.fasterxml.jackson.annotation.JsonProperty("review-every-days") int reviewEveryDays,
                               Text advice) {
    }

    public Optional<Step> step(String stepId) {
        return steps.stream().filter(s -> s.id().equals(stepId)).findFirst();
    }

    public int indexOf(String stepId) {
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).id().equals(stepId)) {
                return i;
            }
        }
        return -1;
    }
}
