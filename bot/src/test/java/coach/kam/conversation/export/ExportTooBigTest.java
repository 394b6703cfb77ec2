package coach.kam.conversation.export;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.kam.KamCoach;
import coach.kam.conversation.Event;
import coach.kam.conversation.Reply;
import coach.kam.testing.MutableClock;
import coach.kam.testing.TestCoach;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An export larger than Telegram takes from a bot is not sent: the rep gets its size and the other ways instead. */
class ExportTooBigTest {
    @TempDir
    Path dir;

    @AfterEach
    void limitBack() {
        ExportCommands.maxSentBytes = ExportCommands.MAX_SENT_BYTES;
    }

    @Test
    void anExportOverTheLimitIsExplainedNotSent() {
        try (KamCoach coach = TestCoach.start(dir.resolve("data"), MutableClock.at("2026-03-02T08:00:00Z"))) {
            say(coach, "/new ACME Ltd");
            say(coach, "a note long enough to make the zip larger than a tiny limit " + "x".repeat(2000));
            List<Reply> sent = say(coach, "/export");
            assertTrue(sent.stream().anyMatch(Reply::hasDocument), "under the limit the zip is sent");
            ExportCommands.maxSentBytes = 200;
            List<Reply> refused = say(coach, "/export");
            assertFalse(refused.stream().anyMatch(Reply::hasDocument), "over the limit nothing is sent");
            assertTrue(refused.stream().anyMatch(r -> r.plainText().contains("more than the 1 MB Telegram can send")
                    && r.plainText().contains("kam-coach export")), refused.toString());
        }
    }

    private static List<Reply> say(KamCoach coach, String text) {
        return coach.conversation().handle(new Event(3, 3, null, text, null, null, "en"));
    }
}
