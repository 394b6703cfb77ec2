package coach.kam.checkin;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.kam.testing.ChatDriver.Shown;
import coach.kam.testing.CoreDriver;
import coach.kam.testing.MutableClock;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** /undo right after setting a reminder takes that reminder back, and its button sets it again. */
class ReminderUndoTest {
    private static final long REP = 71;
    private CoreDriver bot;

    @BeforeEach
    void start() throws Exception {
        bot = new CoreDriver(Files.createTempDirectory("kam-undo-reminder"), MutableClock.at("2026-12-03T02:00:00Z"), "zh");
        bot.type(REP, "/lang zh");
    }

    @AfterEach
    void stop() {
        bot.close();
    }

    private static String text(List<Shown> shown) {
        return String.join("\n", shown.stream().map(Shown::text).toList());
    }

    private static void assertContains(String reply, String wanted) {
        assertTrue(reply.contains(wanted), "expected '" + wanted + "' in:\n" + reply);
    }

    @Test
    void undoTakesBackTheReminderJustSetAndRedoSetsItAgain() {
        bot.type(REP, "/new 九州通医药");
        bot.type(REP, "王总说价格还要再谈");
        assertContains(text(bot.type(REP, "明天下午三点提醒我给王总打电话")), "给王总打电话");
        String undone = text(bot.type(REP, "/undo"));
        assertContains(undone, "已撤回提醒:给王总打电话");
        assertFalse(text(bot.type(REP, "/reminders")).contains("给王总打电话"));

        String redo = text(bot.press(REP, "↪ 恢复"));
        assertContains(redo, "提醒又设上了:给王总打电话");
        assertContains(text(bot.type(REP, "/reminders")), "给王总打电话");

        bot.type(REP, "/undo");
        String earlier = text(bot.type(REP, "/undo"));
        assertContains(earlier, "王总说价格还要再谈");
        assertFalse(text(bot.type(REP, "/notes")).contains("王总说价格还要再谈"),
                "the /undo after the reminder's takes back the change before it: the note");
    }
}
