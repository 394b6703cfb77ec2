package coach.kam.conversation.commands;

import coach.kam.testing.HostileText;
import org.junit.jupiter.api.Test;

/** Greetings and thanks told apart from {@link HostileText}: a kind or none, never an error. */
class HostileSmallTalkTest {

    @Test
    void everyTextIsSmallTalkOrNot() {
        HostileText.check("SmallTalk.kind", SmallTalk::kind, k -> k != null);
    }
}
