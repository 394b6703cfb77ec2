package coach.kam.flows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import coach.kam.knowledge.Flow;
import coach.kam.testing.TestCoach;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The evaluation rules of knowledge/flows/evaluate.yaml, at every tier boundary. */
class ScoringTest {
    private static final Flow EVALUATE = TestCoach.knowledge().flow("evaluate").orElseThrow();

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource({
        "100, A, invest-for-growth", "80, A, invest-for-growth", "79, B, invest-selectively",
        "65, B, invest-selectively", "64, C, maintain", "50, C, maintain", "49, D, harvest",
        "35, D, harvest", "34, D, withdraw", "0, D, withdraw"})
    void everyTierBoundary(int score, String tier, String strategy) {
        Flow.TierRule rule = Scoring.tierFor(EVALUATE.scoring(), score);
        assertEquals(tier, rule.tier());
        assertEquals(strategy, rule.strategy());
    }

    @Test
    void allFoursAreTheGrowLine() {
        Scoring.Result r = Scoring.evaluate(EVALUATE.scoring(), all("4"));
        assertEquals(80, r.score());
        assertEquals("A", r.tier());
    }

    @Test
    void allThreesMaintainAndAllOnesWithdraw() {
        assertEquals("maintain", Scoring.evaluate(EVALUATE.scoring(), all("3")).strategy());
        Scoring.Result ones = Scoring.evaluate(EVALUATE.scoring(), all("1"));
        assertEquals(20, ones.score());
        assertEquals("withdraw", ones.strategy());
    }

    @Test
    void groupsAreWeightedAndSkippedItemsLeftOut() {
        Map<String, Answer> a = new LinkedHashMap<>(all("3"));
        a.put("revenue", Answer.of("5"));
        a.remove("growth");
        // contribution (5+3+3)/3 = 3.67 -> 73; potential 60; loyalty 60; weights 50/30/20
        Scoring.Result r = Scoring.evaluate(EVALUATE.scoring(), a);
        assertEquals(73, r.groups().get("contribution"));
        assertEquals(Math.round((73 * 50 + 60 * 30 + 60 * 20) / 100.0), r.score());
        assertEquals("B", r.tier());
        assertEquals(List.of("revenue"), r.drivers());
    }

    @Test
    void aWeakResultIsExplainedByItsWeakestAnswers() {
        Map<String, Answer> a = new LinkedHashMap<>(all("2"));
        a.put("margin", Answer.of("1"));
        a.put("fit", Answer.of("1"));
        Scoring.Result r = Scoring.evaluate(EVALUATE.scoring(), a);
        assertEquals("margin", r.drivers().get(0));
        assertEquals(3, r.drivers().size());
    }

    @Test
    void nothingScoredGivesNoResult() {
        assertNull(Scoring.evaluate(EVALUATE.scoring(), Map.of("revenue", Answer.of("skip"))));
    }

    private static Map<String, Answer> all(String score) {
        Map<String, Answer> a = new LinkedHashMap<>();
        EVALUATE.scoring().groups().forEach(g -> g.steps().forEach(s -> a.put(s, Answer.of(score))));
        return a;
    }
}
