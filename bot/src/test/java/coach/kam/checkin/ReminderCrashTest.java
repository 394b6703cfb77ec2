package coach.kam.checkin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import coach.kam.testing.ChildConsole;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With the real clock: a reminder set for a minute later arrives once, although the process that
 * took it was killed with kill -9 straight after.
 */
class ReminderCrashTest {
    private static final Duration START = Duration.ofSeconds(60);

    @Test
    void aReminderSurvivesKillMinus9AndArrivesOnce(@TempDir Path work) throws Exception {
        Path data = work.resolve("data");
        try (ChildConsole child = ChildConsole.console(data, 5, work.resolve("stderr-1.txt"))) {
            child.send("/new Acme Foods");
            child.await(l -> l.contains("Added Acme Foods"), START, "the account");
            child.send("/remind acme: in 1 minute call Li about the quote");
            child.await(l -> l.contains("Reminder set for"), START, "the confirmation");
            child.kill();
        }
        try (ChildConsole child = ChildConsole.console(data, 5, work.resolve("stderr-2.txt"))) {
            child.await(l -> l.contains("Reminder: call Li about the quote"), Duration.ofSeconds(150), "the reminder");
            child.closeInputAndWait(START);
        }
        try (ChildConsole child = ChildConsole.console(data, 5, work.resolve("stderr-3.txt"))) {
            child.send("/reminders");
            child.await(l -> l.contains("Open reminders") || l.contains("No open reminders"), START, "the list");
            child.closeInputAndWait(START);
            child.rest(START);
            List<String> all = child.seen();
            assertEquals(0, all.stream().filter(l -> l.contains("Reminder: call Li")).count(), "sent once: " + all);
        }
    }
}
