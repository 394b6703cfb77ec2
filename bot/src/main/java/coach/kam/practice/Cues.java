package coach.kam.practice;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The cue words of each move in both languages: the shared ones from
 * {@code knowledge/objections/moves/cues.yaml} and each objection's own from its file's
 * {@code practice} block ({@code value}, {@code next}, {@code avoid} lists per language).
 */
public final class Cues {
    /** One language's words; {@code opening} acknowledge words count only at the start of a part. */
    public record Words(List<String> strongAck, List<String> openingAck, List<String> ask, List<String> value,
                        List<String> next, List<String> avoid) {
        Words plus(Words more) {
            return new Words(join(strongAck, more.strongAck), join(openingAck, more.openingAck), join(ask, more.ask),
                    join(value, more.value), join(next, more.next), join(avoid, more.avoid));
        }

        private static List<String> join(List<String> a, List<String> b) {
            List<String> all = new ArrayList<>(a);
            all.addAll(b);
            return List.copyOf(all);
        }
    }

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    static final Words NONE = new Words(List.of(), List.of(), List.of(), List.of(), List.of(), List.of());

    private final Map<String, Words> shared;
    private final Map<String, Words> byObjection;

    Cues(Map<String, Words> shared, Map<String, Words> byObjection) {
        this.shared = Map.copyOf(shared);
        this.byObjection = Map.copyOf(byObjection);
    }

    /** Reads the knowledge folder's objection files (the root holds {@code objections/}). */
    public static Cues load(Path knowledgeRoot) {
        Path dir = knowledgeRoot.resolve("objections");
        Map<String, Words> shared = new HashMap<>();
        JsonNode moves = shared(dir.resolve("moves").resolve("cues.yaml"));
        for (String lang : List.of("zh", "en")) {
            shared.put(lang, words(moves.path(lang)));
        }
        Map<String, Words> own = new HashMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".yaml")).sorted().toList()) {
                JsonNode o = read(f);
                for (String lang : List.of("zh", "en")) {
                    JsonNode p = o.path(lang).path("practice");
                    if (!p.isMissingNode()) {
                        own.put(o.path("id").asText() + "/" + lang, words(p));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Cues(shared, own);
    }

    /** The shared words of {@code lang} with those of the objection added. */
    public Words of(String objectionId, String lang) {
        Words base = shared.getOrDefault(lang, NONE);
        Words extra = byObjection.get(objectionId + "/" + lang);
        return extra == null ? base : base.plus(extra);
    }

    private static Words words(JsonNode n) {
        return new Words(list(n.path("acknowledge").path("strong")), list(n.path("acknowledge").path("opening")),
                list(n.path("ask")), list(n.path("value")), list(n.path("next")), list(n.path("avoid")));
    }

    private static List<String> list(JsonNode n) {
        List<String> out = new ArrayList<>();
        n.forEach(v -> {
            String s = v.asText().strip().toLowerCase(Locale.ROOT);
            if (!s.isEmpty()) {
                out.add(s);
            }
        });
        return List.copyOf(out);
    }

    /**
     * The shared words: from the knowledge folder, else from the copy packed with the program (a
     * knowledge folder of an older layout has no cue file), else none.
     */
    private static JsonNode shared(Path file) {
        if (Files.isRegularFile(file)) {
            return read(file);
        }
        try (java.io.InputStream in = Cues.class.getResourceAsStream("/knowledge/objections/moves/cues.yaml")) {
            return in == null ? YAML.createObjectNode() : YAML.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode read(Path file) {
        try {
            return YAML.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
