package coach.kam.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import coach.kam.testing.ConsoleDriver;
import coach.kam.testing.CoreDriver;
import coach.kam.testing.MutableClock;
import coach.kam.testing.TelegramDriver;
import coach.kam.testing.Transcript;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Every transcript in test resources, on the core, the console adapter and the Telegram adapter. */
class TranscriptTest {

    @TestFactory
    Stream<DynamicTest> onTheCore() {
        return Transcript.all().stream().map(t -> DynamicTest.dynamicTest(t.name(), () -> {
            try (CoreDriver driver = new CoreDriver(tempDir(), clock(), t.lang())) {
                t.runOn(driver);
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> onTheConsole() {
        return Transcript.all().stream().filter(t -> !Boolean.FALSE.equals(t.consoleToo()))
                .map(t -> DynamicTest.dynamicTest(t.name(), () -> {
                    try (ConsoleDriver driver = new ConsoleDriver(tempDir(), clock(), t.lang())) {
                        t.runOn(driver);
                    }
                }));
    }

    @TestFactory
    Stream<DynamicTest> onTelegram() {
        return Transcript.all().stream().map(t -> DynamicTest.dynamicTest(t.name(), () -> {
            List<String> violations = new ArrayList<>();
            try (TelegramDriver driver = new TelegramDriver(tempDir(), clock(), t.lang(), Set.of())) {
                t.runOn(driver);
                violations.addAll(driver.api().violations());
            }
            assertEquals(List.of(), violations, "calls that break the Bot API");
        }));
    }

    private static MutableClock clock() {
        return MutableClock.at("2026-11-27T02:00:00Z");
    }

    private static Path tempDir() throws IOException {
        return Files.createTempDirectory("kam-transcript");
    }
}
