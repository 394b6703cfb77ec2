package coach.kam.conversation.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;

import coach.kam.testing.RandomStrings;
import org.junit.jupiter.api.Test;

/** The scans small talk reads a message with agree with the regular expressions they replaced. */
class SmallTalkTextTest {

    @Test
    void marksComeOffTheEnd() {
        assertEquals("谢谢", SmallTalkText.withoutTrailing("谢谢！！~", "!！.。~～,，"));
        assertEquals("ok\n", SmallTalkText.withoutTrailing("ok!!\n", "!！.。~～,，"));
        RandomStrings texts = new RandomStrings(3, "!", "！", ".", "。", "~", ",", "，", "?", "？", "a", "谢", " ", "\n", "\r",
                "\r\n", "\u0085", "\u2028");
        for (int i = 0; i < 30_000; i++) {
            String text = texts.next(8);
            assertEquals(text.replaceAll("[!！.。~～,，]+$", ""), SmallTalkText.withoutTrailing(text, "!！.。~～,，"), text);
            assertEquals(text.replaceAll("[?？]+$", ""), SmallTalkText.withoutTrailing(text, "?？"), text);
        }
    }

    @Test
    void aRepeatedUnitIsFound() {
        assertEquals("👍", SmallTalkText.unit("👍👍👍"));
        assertEquals("谢", SmallTalkText.unit("谢谢谢谢"));
        assertEquals("谢谢你", SmallTalkText.unit("谢谢你谢谢你"));
        assertEquals("thanks", SmallTalkText.unit("thanksthanks"));
        assertEquals("ok ok x", SmallTalkText.unit("ok ok x"));
        assertEquals("ok ", SmallTalkText.unit("ok ".repeat(1365)));
        RandomStrings texts = new RandomStrings(4, "a", "b", "ab", "谢", "👍", "\uD83D", "\uDC4D", "\uDE00", " ", "\n", "\r",
                "\r\n", "\u0085", "\u2028");
        for (int i = 0; i < 100_000; i++) {
            String text = texts.next(8);
            assertEquals(text.replaceAll("^(.+?)\\1+$", "$1"), SmallTalkText.unit(text), text);
        }
    }
}
