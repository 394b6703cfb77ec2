package coach.kam.objections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.kam.knowledge.Objection;
import coach.kam.testing.ChatDriver.Shown;
import coach.kam.testing.CoreDriver;
import coach.kam.testing.MutableClock;
import coach.kam.testing.TestCoach;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** "It worked / it did not" changes the order of a rep's scripts, first for that rep, then for the team, and lasts. */
class ScriptOrderTest {
    private final Objection price = TestCoach.knowledge().objection("price-too-high").orElseThrow();

    @Test
    void whatDidNotWorkGoesBackAndWhatWorkedComesFirstAcrossARestart() throws Exception {
        Path dir = Files.createTempDirectory("kam-feedback");
        try (CoreDriver chat = new CoreDriver(dir, MutableClock.at("2026-11-27T02:00:00Z"), "en")) {
            assertTrue(firstCard(chat, 1).contains(script(0)), "the written order at first");
            chat.press(1, "👎 It did not");
            assertTrue(firstCard(chat, 1).contains(script(1)), "script 1 failed for this rep, so script 2 leads");
            chat.press(1, "👍 It worked");

            chat.restart();
            assertTrue(firstCard(chat, 1).contains(script(1)), "the rep's own verdicts survive a restart");
            String teammate = firstCard(chat, 2);
            assertTrue(teammate.contains(script(1)), "a teammate with no verdicts of their own sees what worked for the team");
        }
    }

    @Test
    void theRepsOwnVerdictOutweighsTheTeams() {
        var feedback = new ScriptFeedback();
        try (var store = coach.kam.store.MapDbStore.open(tempDir())) {
            List<Integer> order = store.inTransaction(tx -> {
                feedback.record(tx, 2, "no-budget", "en", 1, true);
                feedback.record(tx, 3, "no-budget", "en", 1, true);
                feedback.record(tx, 1, "no-budget", "en", 2, true);
                return feedback.order(tx, 1, "no-budget", "en", 3);
            });
            assertEquals(List.of(2, 1, 0), order);
        }
    }

    private String firstCard(CoreDriver chat, long user) {
        List<Shown> shown = chat.type(user, "/o too expensive for us");
        return shown.get(0).text();
    }

    private String script(int i) {
        return price.in("en").scripts().get(i).strip();
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("kam-order");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
