package coach.kam.testing;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * A conversation test as data: each step is what a rep does (types, presses a button, shares a
 * location, or the program restarts) and what the replies must and must not contain.
 */
public record Transcript(String name, String lang, Boolean consoleToo, List<Step> steps) {

    /** One turn. {@code as} switches the user (default 1); {@code minutesLater} moves the clock on instead. */
    public record Step(Long as, String user, String press, List<Double> location, Boolean restart,
                       Integer minutesLater, List<String> expect, List<String> not) {
    }

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public static List<Transcript> all() {
        Path dir = Path.of("src/test/resources/transcripts");
        try (Stream<Path> files = Files.list(dir)) {
            // -Dtranscripts=walk,field runs only the files whose names contain one of the words
            String only = System.getProperty("transcripts", "");
            List<String> words = only.isBlank() ? List.of() : List.of(only.split(","));
            return files.filter(p -> p.toString().endsWith(".yaml"))
                    .filter(p -> words.isEmpty() || words.stream().anyMatch(w -> p.getFileName().toString().contains(w)))
                    .sorted().map(Transcript::read).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Transcript read(Path file) {
        try {
            return YAML.readValue(file.toFile(), Transcript.class);
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": " + e.getMessage(), e);
        }
    }

    /** Runs every step on {@code driver}; a failure names the transcript, the step and what was shown. */
    public void runOn(ChatDriver driver) {
        for (int i = 0; i < steps.size(); i++) {
            Step s = steps.get(i);
            long user = s.as() == null ? 1 : s.as();
            List<ChatDriver.Shown> shown;
            if (Boolean.TRUE.equals(s.restart())) {
                driver.restart();
                continue;
            } else if (s.minutesLater() != null) {
                driver.advance(java.time.Duration.ofMinutes(s.minutesLater()));
                continue;
            } else if (s.press() != null) {
                shown = driver.press(user, s.press());
            } else if (s.location() != null) {
                shown = driver.location(user, s.location().get(0), s.location().get(1));
            } else {
                shown = driver.type(user, s.user());
            }
            String all = String.join("\n---\n", shown.stream()
                    .map(x -> x.text() + "\n" + String.join(" | ", x.buttons())).toList());
            String where = name + " step " + (i + 1) + " (" + (s.user() != null ? s.user() : s.press()) + ")";
            for (String want : s.expect() == null ? List.<String>of() : s.expect()) {
                if (!all.contains(want)) {
                    throw new AssertionError(where + ": expected '" + want + "' in:\n" + all);
                }
            }
            for (String unwanted : s.not() == null ? List.<String>of() : s.not()) {
                if (all.contains(unwanted)) {
                    throw new AssertionError(where + ": did not expect '" + unwanted + "' in:\n" + all);
                }
            }
        }
    }
}
