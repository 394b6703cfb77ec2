package coach.kam.objections;

import static org.junit.jupiter.api.Assertions.assertEquals;

import coach.kam.Catalogue;
import coach.kam.store.KeyUpgrade;
import coach.kam.store.MapDbStore;
import coach.kam.store.Table;
import coach.kam.testing.CoreDriver;
import coach.kam.testing.MutableClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A rep has one vote per script, and the team's order counts reps, not presses. */
class ScriptVotesTest {
    private static final String OBJECTION = "no-budget";
    private final ScriptFeedback feedback = new ScriptFeedback();
    private MapDbStore store;

    @BeforeEach
    void open() throws IOException {
        store = MapDbStore.open(Files.createTempDirectory("kam-votes"));
    }

    @AfterEach
    void close() {
        store.close();
    }

    private void vote(long rep, int script, boolean worked) {
        store.inTransaction(tx -> {
            feedback.record(tx, rep, OBJECTION, "en", script, worked);
            return null;
        });
    }

    private List<Integer> order(long rep) {
        return store.inTransaction(tx -> feedback.order(tx, rep, OBJECTION, "en", 3));
    }

    private ScriptFeedback.Tally tally(long rep, int script) {
        return store.inTransaction(tx -> feedback.tally(tx, rep, OBJECTION, "en", script));
    }

    @Test
    void pressingAgainKeepsOrChangesTheRepsOneVote() {
        vote(1, 1, true);
        vote(1, 1, true);
        vote(1, 1, true);
        assertEquals(new ScriptFeedback.Tally(1, 0), tally(1, 1));
        vote(1, 1, false);
        assertEquals(new ScriptFeedback.Tally(0, 1), tally(1, 1));
        assertEquals(List.of(0, 2, 1), order(1), "the rep's own vote now puts the script last");
        assertEquals(List.of(0, 2, 1), order(3), "and counts once for the team");
    }

    @Test
    void oneRepPressingManyTimesWeighsNoMoreThanAnotherRepsOneVote() {
        vote(2, 0, true);
        for (int i = 0; i < 5; i++) {
            vote(1, 1, true);
        }
        assertEquals(List.of(0, 1, 2), order(3), "one rep each: a tie, so the written order");
        vote(4, 1, true);
        assertEquals(List.of(1, 0, 2), order(3), "two reps against one");
        assertEquals(List.of(0, 1, 2), order(2), "a rep's own vote still comes first for them");
    }

    @Test
    void talliesWrittenBeforeVotesWereOnePerRepCountAsOneVote() {
        // the table as it was: votes under "rep/<id>/", totals under "team/", indexes unpadded
        Table<ScriptFeedback.Tally> old = Table.operational("script-feedback", ScriptFeedback.Tally.class);
        store.inTransaction(tx -> {
            // what five presses of rep 1 and one of rep 2 left behind
            tx.put(old, "rep/1/" + OBJECTION + "/en/1", new ScriptFeedback.Tally(5, 0));
            tx.put(old, "team/" + OBJECTION + "/en/1", new ScriptFeedback.Tally(5, 0));
            tx.put(old, "rep/2/" + OBJECTION + "/en/0", new ScriptFeedback.Tally(2, 1));
            tx.put(old, "team/" + OBJECTION + "/en/0", new ScriptFeedback.Tally(2, 1));
            return null;
        });
        assertEquals(2, KeyUpgrade.run(store, Catalogue.tables()), "the two votes move, the totals stay");
        assertEquals(List.of(0, 1, 2), order(3));
        assertEquals(List.of(1, 0, 2), order(1), "the rep's own earlier verdict is kept");
        vote(1, 1, false);
        assertEquals(new ScriptFeedback.Tally(0, 1), tally(1, 1), "a new press replaces the old counts");
        assertEquals(List.of(0, 2, 1), order(3));
    }

    @Test
    void theCardsButtonsCountOnceAcrossARestart() throws IOException {
        Path dir = Files.createTempDirectory("kam-votes-chat");
        try (CoreDriver chat = new CoreDriver(dir, MutableClock.at("2026-11-27T02:00:00Z"), "en")) {
            chat.type(1, "/o too expensive for us");
            chat.press(1, "👍 It worked");
            chat.press(1, "👍 It worked");
            chat.restart();
            chat.type(1, "/o too expensive for us");
            chat.press(1, "👍 It worked");
            ScriptFeedback.Tally t = chat.coach().store().inTransaction(tx ->
                    feedback.tally(tx, 1, "price-too-high", "en", 0));
            assertEquals(new ScriptFeedback.Tally(1, 0), t);
        }
    }
}
