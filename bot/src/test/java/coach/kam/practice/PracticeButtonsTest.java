package coach.kam.practice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.kam.testing.ChatDriver.Shown;
import coach.kam.testing.CoreDriver;
import coach.kam.testing.MutableClock;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Forged, old and another rep's practice buttons change nothing; an empty answer loses the drill. */
class PracticeButtonsTest {
    private static final String UNKNOWN = "That button no longer works";

    @Test
    void forgedAndStaleButtonsAreRefused() throws Exception {
        try (CoreDriver chat = new CoreDriver(Files.createTempDirectory("kam-prac-buttons"),
                MutableClock.at("2026-11-27T02:00:00Z"), "en")) {
            for (String data : List.of("prac", "prac:", "prac:zzz", "prac:go:1", "prac:" + "x".repeat(60))) {
                assertTrue(text(chat.pressData(1, data)).contains(UNKNOWN), data);
            }
            chat.type(1, "/practice quiz");
            String choice = chat.buttonData(1, "1. Needs");
            String other = text(chat.pressData(2, choice));
            assertTrue(!other.contains("Right") && !other.contains("Not quite"), "another rep cannot answer it: " + other);
            assertTrue(text(chat.type(2, "/practice stats")).contains("No practice yet"));
            // the same dialog with a choice out of range
            String forged = choice.substring(0, choice.lastIndexOf(':') + 1);
            assertTrue(text(chat.pressData(1, forged + "9")).contains(UNKNOWN));
            chat.type(1, "/practice quiz");
            choice = chat.buttonData(1, "1. Needs");
            chat.pressData(1, choice);
            String again = text(chat.pressData(1, choice));
            assertTrue(!again.contains("Not quite") && !again.contains("Right"), "a second press grades nothing: " + again);
            assertTrue(text(chat.type(1, "/practice stats")).contains("1 quiz answers"));
        }
    }

    @Test
    void aBlankAnswerKeepsTheDrillOpen() throws Exception {
        try (CoreDriver chat = new CoreDriver(Files.createTempDirectory("kam-prac-blank"),
                MutableClock.at("2026-11-27T02:00:00Z"), "en")) {
            assertTrue(text(chat.type(1, "/practice")).contains("Customer (Price too high)"));
            String answer = text(chat.type(1, "I understand. What are you comparing it with?"));
            assertTrue(answer.contains("✅ acknowledge") && answer.contains("Model script"), answer);
            assertEquals(1, chat.type(1, "/practice stats").size());
        }
    }

    private static String text(List<Shown> shown) {
        StringBuilder b = new StringBuilder();
        shown.forEach(s -> b.append(s.text()).append('\n'));
        return b.toString();
    }
}
