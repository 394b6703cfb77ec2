package coach.kam.knowledge;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Reads and checks the knowledge folder. Any broken file stops start-up with its name, line and
 * reason; a bot that half-loads its content would give reps wrong or missing answers.
 */
public final class KnowledgeLoader {
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private KnowledgeLoader() {
    }

    /** An objection file as written: one block per language. */
    record ObjectionFile(String id, Objection.Text zh, Objection.Text en) {
    }

    /** not-covered.yaml as written: a list of questions per language. */
    record NotCoveredFile(List<String> zh, List<String> en) {
    }

    static final String NOT_COVERED = "not-covered.yaml";

    /** Loads from {@code dir}, or from the packed copy when it is null. */
    public static KnowledgeBase load(Path dir) {
        Path root = KnowledgeSource.locate(dir);
        Map<String, Map<String, Topic>> topics = new TreeMap<>();
        for (String lang : KnowledgeBase.LANGS) {
            for (Path file : files(root.resolve("methodology").resolve(lang), ".md")) {
                Topic topic = TopicParser.parse(name(root, file), read(file), lang);
                Topic previous = topics.computeIfAbsent(topic.id(), k -> new HashMap<>()).put(lang, topic);
                if (previous != null) {
                    throw new KnowledgeException(name(root, file), 0, "topic id " + topic.id() + " used twice");
                }
            }
        }
        Map<String, Objection> objections = new TreeMap<>();
        for (Path file : files(root.resolve("objections"), ".yaml")) {
            ObjectionFile raw = parse(root, file, ObjectionFile.class);
            Map<String, Objection.Text> byLang = new HashMap<>();
            if (raw.zh() != null) {
                byLang.put("zh", raw.zh());
            }
            if (raw.en() != null) {
                byLang.put("en", raw.en());
            }
            Objection o = ObjectionChecks.check(name(root, file), new Objection(raw.id(), Map.copyOf(byLang)));
            if (objections.put(o.id(), o) != null) {
                throw new KnowledgeException(name(root, file), 0, "objection id " + o.id() + " used twice");
            }
        }
        Map<String, Checklist> checklists = new TreeMap<>();
        for (Path file : files(root.resolve("checklists"), ".yaml")) {
            Checklist c = ChecklistChecks.check(name(root, file), parse(root, file, Checklist.class));
            if (checklists.put(c.id(), c) != null) {
                throw new KnowledgeException(name(root, file), 0, "checklist id " + c.id() + " used twice");
            }
        }
        Map<String, Flow> flows = new TreeMap<>();
        for (Path file : files(root.resolve("flows"), ".yaml")) {
            String text = read(file);
            Flow f = FlowChecks.check(name(root, file), text, parse(root, file, text, Flow.class));
            flows.put(f.id(), f);
        }
        checkComplete(topics, objections, checklists);
        return new KnowledgeBase(topics, objections, checklists, flows, notCovered(root));
    }

    /** The file is optional: without it, "not covered" is judged from the sections alone. */
    private static Map<String, List<String>> notCovered(Path root) {
        Path file = root.resolve(NOT_COVERED);
        if (!Files.isRegularFile(file)) {
            return Map.of();
        }
        NotCoveredFile raw = parse(root, file, NotCoveredFile.class);
        if (raw == null) {
            throw new KnowledgeException(name(root, file), 0, "empty file; give zh: and en: lists of questions");
        }
        Map<String, List<String>> byLang = new HashMap<>();
        byLang.put("zh", questions(root, file, "zh", raw.zh()));
        byLang.put("en", questions(root, file, "en", raw.en()));
        return Map.copyOf(byLang);
    }

    private static List<String> questions(Path root, Path file, String lang, List<String> list) {
        if (list == null || list.isEmpty()) {
            throw new KnowledgeException(name(root, file), 0, lang + ": needs a list of questions");
        }
        List<String> out = new ArrayList<>();
        for (String q : list) {
            if (q == null || q.isBlank()) {
                throw new KnowledgeException(name(root, file), 0, lang + ": item " + (out.size() + 1) + " is empty");
            }
            out.add(q.strip());
        }
        return List.copyOf(out);
    }

    private static void checkComplete(Map<String, Map<String, Topic>> topics, Map<String, Objection> objections,
                                      Map<String, Checklist> checklists) {
        for (String id : KnowledgeBase.TOPIC_IDS) {
            for (String lang : KnowledgeBase.LANGS) {
                if (!topics.containsKey(id) || !topics.get(id).containsKey(lang)) {
                    throw new KnowledgeException("methodology/" + lang + "/" + id + ".md", 0, "missing");
                }
            }
        }
        for (String id : KnowledgeBase.OBJECTION_IDS) {
            if (!objections.containsKey(id)) {
                throw new KnowledgeException("objections/" + id + ".yaml", 0, "missing");
            }
        }
        topics.forEach((id, byLang) -> byLang.forEach((lang, t) -> t.related().forEach(r -> {
            if (!topics.containsKey(r)) {
                throw new KnowledgeException("methodology/" + lang + "/" + id + ".md", 0, "related names unknown topic " + r);
            }
        })));
        checklists.values().forEach(c -> {
            if (!topics.containsKey(c.topic())) {
                throw new KnowledgeException("checklists/" + c.id() + ".yaml", 0, "unknown topic " + c.topic());
            }
        });
    }

    private static <T> T parse(Path root, Path file, Class<T> type) {
        return parse(root, file, read(file), type);
    }

    private static <T> T parse(Path root, Path file, String text, Class<T> type) {
        try {
            return YAML.readValue(text, type);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new KnowledgeException(name(root, file), at == null ? 0 : at.getLineNr(), e.getOriginalMessage());
        }
    }

    private static List<Path> files(Path dir, String suffix) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new KnowledgeException(dir.toString(), 0, e.getMessage());
        }
    }

    private static String read(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new KnowledgeException(file.toString(), 0, e.getMessage());
        }
    }

    private static String name(Path root, Path file) {
        return "knowledge/" + root.relativize(file).toString().replace('\\', '/');
    }

    static List<String> nonBlank(List<String> in) {
        return in == null ? List.of() : new ArrayList<>(in.stream().filter(s -> s != null && !s.isBlank()).toList());
    }
}
