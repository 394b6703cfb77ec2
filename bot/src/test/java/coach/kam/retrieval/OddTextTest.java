package coach.kam.retrieval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.kam.KamCoach;
import coach.kam.conversation.Event;
import coach.kam.conversation.Reply;
import coach.kam.testing.MutableClock;
import coach.kam.testing.TestCoach;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Text that is empty, invisible, only emoji or very long gets a sensible answer and no error. */
class OddTextTest {
    private static final List<String> ODD = List.of("", "   ", "\u200b\u200b", "\u200b \ufeff\u2060", "😀😀😀",
            "🙏", "x".repeat(10_000), "太贵了".repeat(3_000));

    @TempDir
    Path dir;

    @Test
    void theEmbedderNeverFailsOnInvisibleText() {
        Embedder embedder = Embedder.load();
        float[] zero = embedder.embed("\u200b\u200b");
        assertTrue(zero.length > 0);
        for (float f : zero) {
            assertEquals(0f, f);
        }
        assertEquals(zero.length, embedder.embed("x".repeat(10_000)).length);
        assertEquals(zero.length, embedder.embed("😀").length);
    }

    @Test
    void oddMessagesGetAnAnswerWithOrWithoutAnOpenAccount() {
        try (KamCoach coach = TestCoach.start(dir, MutableClock.at("2026-11-27T02:00:00Z"))) {
            long update = 1;
            for (boolean accountOpen : List.of(false, true)) {
                if (accountOpen) {
                    coach.conversation().handle(new Event(1, 1, update++, "/new Odd Co", null, null, "en"));
                }
                for (String text : ODD) {
                    List<Reply> replies = coach.conversation().handle(new Event(1, 1, update++, text, null, null, "en"));
                    assertFalse(replies.isEmpty(), "an answer to " + describe(text));
                    for (Reply r : replies) {
                        assertFalse(r.plainText().contains("nothing was saved"), describe(text) + " failed: " + r.plainText());
                    }
                }
            }
        }
    }

    private static String describe(String text) {
        return text.length() > 20 ? text.length() + " characters" : "'" + text + "'";
    }
}
