package coach.kam.flows;

import coach.kam.knowledge.Flow;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Evaluation answers to a score out of 100, a tier and a strategy. Each group scores the mean of
 * its answered items out of 5, as a percentage (so 20..100: an average of 4 is 80, the line for
 * growing an account in the evaluation topic); the total is the weighted mean of the groups that
 * have answers; a skipped item is left out of its group. The drivers are the answers that pulled the total furthest from the middle.
 */
public final class Scoring {
    private static final int DRIVERS = 3;
    /** From this score on, a result is explained by its strongest answers, below it by its weakest. */
    private static final int STRONG = 65;

    private Scoring() {
    }

    /** What one evaluation came to; {@code groups} maps group id to its score out of 100. */
    public record Result(int score, String tier, String strategy, Map<String, Integer> groups, List<String> drivers,
                         Map<String, Integer> scores) {
    }

    /** Null when no scored item was answered. */
    public static Result evaluate(Flow.Scoring scoring, Map<String, Answer> answers) {
        Map<String, Integer> groups = new LinkedHashMap<>();
        double weighted = 0;
        int weights = 0;
        List<Driver> drivers = new ArrayList<>();
        Map<String, Integer> items = new LinkedHashMap<>();
        for (Flow.Group g : scoring.groups()) {
            List<Integer> scores = new ArrayList<>();
            for (String step : g.steps()) {
                Integer s = scoreOf(answers.get(step));
                if (s != null) {
                    scores.add(s);
                    items.put(step, s);
                    drivers.add(new Driver(step, s, (s - 3) * (double) g.weight() / g.steps().size()));
                }
            }
            if (scores.isEmpty()) {
                continue;
            }
            double mean = scores.stream().mapToInt(Integer::intValue).average().orElse(0);
            int groupScore = (int) Math.round(mean / 5 * 100);
            groups.put(g.id(), groupScore);
            weighted += groupScore * g.weight();
            weights += g.weight();
        }
        if (weights == 0) {
            return null;
        }
        int total = (int) Math.round(weighted / weights);
        Flow.TierRule rule = tierFor(scoring, total);
        return new Result(total, rule.tier(), rule.strategy(), groups, drivers(drivers, total), items);
    }

    static Flow.TierRule tierFor(Flow.Scoring scoring, int score) {
        return scoring.tiers().stream().filter(t -> score >= t.min()).findFirst()
                .orElse(scoring.tiers().get(scoring.tiers().size() - 1));
    }

    /** A good result is explained by its strongest answers, a weak one by its weakest. */
    private static List<String> drivers(List<Driver> all, int total) {
        Comparator<Driver> order = total >= STRONG
                ? Comparator.comparingDouble(Driver::pull).reversed()
                : Comparator.comparingDouble(Driver::pull);
        return all.stream().filter(d -> total >= STRONG ? d.pull() > 0 : d.pull() < 0).sorted(order).limit(DRIVERS)
                .map(Driver::step).toList();
    }

    private static Integer scoreOf(Answer a) {
        if (a == null || a.value() == null || !a.value().matches("[1-5]")) {
            return null;
        }
        return Integer.parseInt(a.value());
    }

    private record Driver(String step, int score, double pull) {
    }
}
