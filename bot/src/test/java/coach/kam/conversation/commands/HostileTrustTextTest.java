package coach.kam.conversation.commands;

import coach.kam.conversation.CommandWords;
import coach.kam.testing.HostileText;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The readers of typed text that keep notes on the right account, against {@link HostileText}. */
class HostileTrustTextTest {

    @Test
    void everyTextIsSplitReadAndCompleted() {
        HostileText.check("NoteCommands.separatorAt", NoteCommands::separatorAt, i -> i >= -1);
        HostileText.check("NoteMoves.saysVisit", NoteMoves::saysVisit, b -> b != null);
        HostileText.check("CommandWords.completion",
                text -> CommandWords.completion(text, List.of("account", "accounts", "note", "notes")), o -> o != null);
    }
}
