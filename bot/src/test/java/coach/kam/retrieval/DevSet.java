package coach.kam.retrieval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The evaluation sets in test resources: questions with acceptable topics, phrases with their
 * objection, and off-topic questions the bot should turn away, in five splits (see the README in
 * the eval folder); the system property {@code kam.eval} picks one where a single split is wanted
 * ({@code dev} by default).
 */
public final class DevSet {
    /** A question and the topic ids that answer it. */
    public record Question(String q, String lang, List<String> topics) {
    }

    /** A customer phrase and the objection it is. */
    public record Phrase(String text, String lang, String id) {
    }

    /** A question the knowledge base does not cover. */
    public record OffTopic(String q, String lang) {
    }

    public static final String DEV = "dev";
    public static final String HOLDOUT = "holdout";
    /** Written apart from the knowledge and from the other halves, by someone who saw neither. */
    public static final String FRESH = "fresh";
    /** Written last, apart from everything, and measured once after tuning ended; never tuned on. */
    public static final String FINAL = "final";
    /** Written like {@link #FINAL}, by other voices; measured only after all tuning. */
    public static final String BLIND = "blind";
    public static final java.util.List<String> SPLITS = java.util.List.of(DEV, HOLDOUT, FRESH, FINAL, BLIND);

    private static final ObjectMapper JSON = new ObjectMapper();

    private DevSet() {
    }

    /** The half chosen by {@code -Dkam.eval=dev|holdout}. */
    public static String split() {
        return System.getProperty("kam.eval", DEV);
    }

    public static List<Question> questions() {
        return questions(split());
    }

    public static List<Phrase> phrases() {
        return phrases(split());
    }

    public static List<OffTopic> offTopic() {
        return offTopic(split());
    }

    public static List<Question> questions(String split) {
        return read("ask-" + split + ".jsonl", Question.class);
    }

    public static List<Phrase> phrases(String split) {
        return read("objection-" + split + ".jsonl", Phrase.class);
    }

    public static List<OffTopic> offTopic(String split) {
        return read("offtopic-" + split + ".jsonl", OffTopic.class);
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
