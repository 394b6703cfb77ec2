package coach.kam.flows;

import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.kam.testing.ChildConsole;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A walkthrough killed with kill -9 halfway is picked up where it was, with its answers. */
class WalkthroughCrashTest {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void resumesAfterKillMinus9(@TempDir Path work) throws Exception {
        Path data = work.resolve("data");
        try (ChildConsole child = ChildConsole.console(data, 7, work.resolve("stderr-1.txt"))) {
            child.send("/new Kestrel Logistics");
            child.await(l -> l.contains("Added Kestrel Logistics"), WAIT, "the account");
            child.send("/evaluate");
            child.await(l -> l.contains("Kestrel Logistics 1/10"), WAIT, "the first step");
            child.send("5");
            child.await(l -> l.contains("2/10"), WAIT, "the second step");
            child.send("2");
            child.await(l -> l.contains("3/10"), WAIT, "the third step");
            child.kill();
        }
        try (ChildConsole child = ChildConsole.console(data, 7, work.resolve("stderr-2.txt"))) {
            child.send("/start");
            child.await(l -> l.contains("Continue Account evaluation"), WAIT, "the continue button after /start");
            child.send("/resume");
            child.await(l -> l.contains("Kestrel Logistics 3/10"), WAIT, "the step it was on");
            child.send("/back");
            String current = child.await(l -> l.contains("Current answer"), WAIT, "the kept answer of step 2");
            assertTrue(current.contains("2/5"), current);
            child.closeInputAndWait(WAIT);
        }
        assertTrue(Files.exists(data));
    }
}
