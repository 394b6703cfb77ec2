package coach.kam.ask;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Greetings, thanks and a bare "help" are no question for the knowledge base; real questions are. */
class SmallTalkTest {

    @Test
    void greetingsThanksAndHelpAreSmallTalk() {
        for (String s : new String[] {"help", "Help!", "hi there", "thanks", "你好", "謝謝", "在吗?", "👍", "  "}) {
            assertTrue(SmallTalk.only(s), s);
        }
    }

    @Test
    void questionsAreNot() {
        for (String s : new String[] {"help me prepare a visit", "怎么评估大客户", "how do I handle price objections",
                "你好,客户说太贵了怎么办"}) {
            assertFalse(SmallTalk.only(s), s);
        }
    }
}
