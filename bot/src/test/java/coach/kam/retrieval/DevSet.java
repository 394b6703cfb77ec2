package coach.kam.retrieval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The development sets in test resources: questions with acceptable topics, phrases with their objection. */
public final class DevSet {
    /** A question and the topic ids that answer it. */
    public record Question(String q, String lang, List<String> topics) {
    }

    /** A customer phrase and the objection it is. */
    public record Phrase(String text, String lang, String id) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private DevSet() {
    }

    public static List<Question> questions() {
        return read("ask-dev.jsonl", Question.class);
    }

    public static List<Phrase> phrases() {
        return read("objection-dev.jsonl", Phrase.class);
    }

    private static <T> List<T> read(String name, Class<T> type) {
        List<T> out = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(Path.of("src/test/resources/eval", name))) {
                if (!line.isBlank()) {
                    JsonNode n = JSON.readTree(line);
                    out.add(JSON.treeToValue(n, type));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
