package coach.kam.intent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.kam.testing.RandomStrings;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The scans of the intent reader agree with the regular expressions they replaced, on short lines. */
class ScansTest {
    private static final Pattern FILLERS = Pattern.compile("^(?:(?:so|ok|okay|um|uh|hey|and|quick question)[,:]?\\s+)+");
    private static final Pattern QUOTED = Pattern.compile("[“\"「『].{2,}[”\"」』]|原话");

    @Test
    void fillerWordsComeOffTheStart() {
        assertEquals("how do i price this", Scans.withoutFillers("ok so, quick question: how do i price this"));
        assertEquals("okapi", Scans.withoutFillers("okapi"));
        assertEquals("", Scans.withoutFillers("ok ".repeat(1365)));
        RandomStrings lines = new RandomStrings(1, "so", "ok", "okay", "um", "uh", "hey", "and", "quick question", "quick",
                ",", ":", " ", "\t", "\n", "\u000B", "\f", "\r", "\u3000", "a", "y", "s", "o", "k", "how");
        for (int i = 0; i < 30_000; i++) {
            String line = lines.next(12);
            assertEquals(FILLERS.matcher(line).replaceFirst(""), Scans.withoutFillers(line), line);
        }
    }

    @Test
    void quotesNeedTwoCharactersBetweenThemOnOneLine() {
        assertTrue(Scans.quoted("他说“太贵了”"));
        assertTrue(Scans.quoted("原话"));
        assertFalse(Scans.quoted("“太”"));
        assertFalse(Scans.quoted("“太\n贵了”"));
        assertFalse(Scans.quoted("「".repeat(4096)));
        RandomStrings lines = new RandomStrings(2, "“", "”", "\"", "「", "」", "『", "』", "原", "话", "a", " ", "\n", "\r",
                "\u0085", "\u2028", "\u2029", "\uD83D\uDE00", "\uD83D", "\uDE00");
        for (int i = 0; i < 30_000; i++) {
            String line = lines.next(10);
            assertEquals(QUOTED.matcher(line).find(), Scans.quoted(line), line);
        }
    }
}
