package coach.kam.owndata;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.kam.testing.ChatDriver;
import coach.kam.testing.CoreDriver;
import coach.kam.testing.MutableClock;
import java.nio.file.Files;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The "open the note" button under a quoted record opens it for its rep; the same button data
 * pressed by another rep, or with a note id changed, opens nothing and says the note is not there.
 */
class OwnDataButtonsTest {

    private static String text(List<ChatDriver.Shown> shown) {
        return shown.stream().map(s -> s.text() + " " + String.join(" | ", s.buttons())).collect(Collectors.joining("\n"));
    }

    @Test
    void anOpenTheNoteButtonOpensOnlyTheRepsOwnNote() throws Exception {
        try (CoreDriver chat = new CoreDriver(Files.createTempDirectory("kam-owndata-buttons"),
                MutableClock.at("2026-11-27T02:00:00Z"), "en")) {
            chat.type(1, "/new Acme Foods");
            chat.type(1, "Jim said the price must come down 5% before Q1");
            String answer = text(chat.type(1, "what did jim say about pricing last time?"));
            assertTrue(answer.contains("📝 27 Nov: Jim said the price must come down 5% before Q1"), answer);
            String data = chat.buttonData(1, "📝 Open the note · 27 Nov");
            assertTrue(data.startsWith("nv:"), data);

            assertTrue(text(chat.pressData(1, data)).contains("Jim said the price must come down 5% before Q1"));

            chat.type(2, "/new Acme Foods");
            String forged = text(chat.pressData(2, data));
            assertTrue(forged.contains("That note is not there any more"), forged);
            assertFalse(forged.contains("Jim said"), forged);

            String[] parts = data.split(":");
            String changed = text(chat.pressData(1, parts[0] + ":" + parts[1] + ":" + (Long.parseLong(parts[2]) + 1000)));
            assertTrue(changed.contains("That note is not there any more"), changed);
            String garbage = text(chat.pressData(1, "nv:x:" + "9".repeat(40)));
            assertTrue(garbage.contains("That note is not there any more"), garbage);
        }
    }
}
