package coach.kam.charts;

import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.kam.KamCoach;
import coach.kam.console.ConsoleChat;
import coach.kam.testing.MutableClock;
import coach.kam.testing.TestCoach;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The console saves a chart as a PNG file in the data folder and prints its path. */
class ChartConsoleTest {
    @TempDir
    Path dir;

    @Test
    void theTargetBridgeIsSavedAsAPng() throws Exception {
        String script = String.join("\n", "/start", "/target 20m 45m", "/chart target", "/quit");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (KamCoach coach = TestCoach.start(dir.resolve("data"), MutableClock.at("2026-03-02T08:00:00Z"))) {
            new ConsoleChat(coach.conversation(), new BufferedReader(new StringReader(script)),
                    new PrintStream(bytes, true, StandardCharsets.UTF_8), 3, "en")
                    .savingDocumentsIn(dir.resolve("data/exports")).run(false);
        }
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(out.contains("Target bridge · 20,000,000 → 45,000,000"), out);
        Matcher saved = Pattern.compile("📎 (\\S+\\.png)").matcher(out);
        assertTrue(saved.find(), out);
        Path png = Path.of(saved.group(1));
        assertTrue(png.startsWith(dir.resolve("data")), png.toString());
        assertTrue(ImageIO.read(new ByteArrayInputStream(Files.readAllBytes(png))).getWidth() >= 1080);
    }
}
