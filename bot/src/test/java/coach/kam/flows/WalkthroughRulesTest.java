package coach.kam.flows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.kam.knowledge.Flow;
import coach.kam.testing.TestCoach;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The step order and answer checks of a run, on knowledge/flows/profile.yaml, with no chat around them. */
class WalkthroughRulesTest {
    private static final Flow PROFILE = TestCoach.knowledge().flow("profile").orElseThrow();
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 2);

    @Test
    void theTenderDateIsAskedOnlyAfterATender() {
        Flow.Step tenderDate = PROFILE.step("tender-date").orElseThrow();
        Map<String, Answer> tender = Map.of("buying-mode", Answer.choices(List.of("tender")));
        Map<String, Answer> direct = Map.of("buying-mode", Answer.choices(List.of("direct")));
        assertTrue(Walkthrough.applies(tenderDate, tender));
        assertFalse(Walkthrough.applies(tenderDate, direct));
        assertFalse(Walkthrough.applies(tenderDate, Map.of()));
        assertEquals("tender-date", Walkthrough.nextAfter(PROFILE, tender, "buying-mode", false));
        assertEquals("payment-terms", Walkthrough.nextAfter(PROFILE, direct, "buying-mode", false));
        assertEquals(PROFILE.steps().get(0).id(), Walkthrough.first(PROFILE));
    }

    @Test
    void anEditFromTheSummaryAsksOnlyTheUnansweredStepsThatDependOnIt() {
        Map<String, Answer> tender = Map.of("buying-mode", Answer.choices(List.of("tender")));
        assertEquals("tender-date", Walkthrough.nextAfter(PROFILE, tender, "buying-mode", true));
        Map<String, Answer> answered = Map.of("buying-mode", Answer.choices(List.of("tender")),
                "tender-date", Answer.of("2027-03"));
        assertNull(Walkthrough.nextAfter(PROFILE, answered, "buying-mode", true));
        assertNull(Walkthrough.nextAfter(PROFILE, Map.of(), "industry", true));
    }

    @Test
    void aRunWhoseStepLeftTheFileGoesOnAfterTheFurthestStepItKnows() {
        String last = PROFILE.steps().get(PROFILE.steps().size() - 1).id();
        assertEquals("company-size", Walkthrough.afterRemovedStep(PROFILE, Map.of(), List.of("industry", "gone-step")));
        assertEquals(PROFILE.steps().get(0).id(), Walkthrough.afterRemovedStep(PROFILE, Map.of(), List.of()));
        assertNull(Walkthrough.afterRemovedStep(PROFILE, Map.of(), List.of("industry", last)));
    }

    @Test
    void aTypedAnswerIsReadThenCheckedByTheStepsValidator() {
        Flow.Step share = PROFILE.step("share-of-wallet").orElseThrow();
        assertEquals("35", Walkthrough.read(share, "35", "zh", TODAY).answer().value());
        AnswerParser.Result tooMuch = Walkthrough.read(share, "135", "zh", TODAY);
        assertFalse(tooMuch.ok());
        assertEquals("walk.bad.range", tooMuch.problem());
        assertTrue(tooMuch.args().length > 0);
        Flow.Step tenderDate = PROFILE.step("tender-date").orElseThrow();
        assertTrue(Walkthrough.read(tenderDate, "2027-03-01", "en", TODAY).ok());
        AnswerParser.Result past = Walkthrough.read(tenderDate, "2025-01-01", "en", TODAY);
        assertEquals("walk.bad.future", past.problem());
        assertEquals(0, past.args().length);
        assertEquals("walk.bad.empty", Walkthrough.read(tenderDate, "   ", "en", TODAY).problem());
    }

    @Test
    void aPressIsTakenOnlyForAChoiceOfTheStepOrAScoreFromOneToFive() {
        Flow.Step mode = PROFILE.step("buying-mode").orElseThrow();
        assertEquals(Optional.of(new Answer("tender", List.of("tender"), null)), Walkthrough.pressed(mode, "tender"));
        assertEquals(Optional.empty(), Walkthrough.pressed(mode, "auction"));
        assertEquals(Optional.empty(), Walkthrough.pressed(mode, null));
        Flow.Step score = TestCoach.knowledge().flow("evaluate").orElseThrow().steps().get(0);
        assertEquals(Optional.of(Answer.of("5")), Walkthrough.pressed(score, "5"));
        assertEquals(Optional.empty(), Walkthrough.pressed(score, "6"));
    }

    @Test
    void aStanceCompletesThePersonAndMultiChoicesKeepTheWrittenOrder() {
        Answer partial = new Answer("王总 · 采购总监", List.of(), new Person("王总", "采购总监", null));
        assertEquals(new Person("王总", "采购总监", "champion"), Walkthrough.withStance(partial, "champion").person());
        Flow.Step mode = PROFILE.step("buying-mode").orElseThrow();
        assertEquals(List.of("tender", "other"), Walkthrough.inWrittenOrder(mode, List.of("other", "tender")));
    }
}
