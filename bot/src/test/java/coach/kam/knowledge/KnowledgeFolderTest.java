package coach.kam.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole knowledge folder: every file parses and every topic, objection and checklist is complete. */
class KnowledgeFolderTest {
    private static final Path FOLDER = Path.of("../knowledge");
    private final KnowledgeBase kb = KnowledgeLoader.load(FOLDER);

    @Test
    void everyTopicExistsInBothLanguagesWithEnoughToRead() {
        for (String id : KnowledgeBase.TOPIC_IDS) {
            Topic zh = kb.topic(id, "zh").orElseThrow();
            Topic en = kb.topic(id, "en").orElseThrow();
            assertEquals("zh", zh.lang());
            assertEquals("en", en.lang());
            long han = body(zh).codePoints().filter(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN).count();
            long words = body(en).split("\\s+").length;
            assertTrue(han >= 600, id + " (zh) has only " + han + " Chinese characters");
            assertTrue(words >= 400, id + " (en) has only " + words + " words");
            assertTrue(zh.sections().size() >= 4 && en.sections().size() >= 4, id + " needs at least 4 sections");
            assertTrue(!zh.tags().isEmpty() && !en.tags().isEmpty(), id + " needs tags");
        }
    }

    @Test
    void sectionsStandAloneAndHeadingsAreUnique() {
        for (String lang : KnowledgeBase.LANGS) {
            for (Topic t : kb.topics(lang)) {
                Set<String> headings = new HashSet<>();
                for (Topic.Section s : t.sections()) {
                    assertTrue(headings.add(s.heading()), t.id() + " repeats heading " + s.heading());
                    assertTrue(s.body().length() >= TopicParser.MIN_SECTION, t.id() + " > " + s.heading() + " is too short");
                    assertTrue(s.body().length() <= TopicParser.MAX_SECTION, t.id() + " > " + s.heading() + " is too long");
                    String opening = s.body().toLowerCase(Locale.ROOT);
                    assertTrue(!opening.startsWith("as above") && !s.body().startsWith("如上"),
                            t.id() + " > " + s.heading() + " leans on another section");
                }
            }
        }
    }

    @Test
    void everyFixedObjectionHasScriptsInBothLanguages() {
        for (String id : KnowledgeBase.OBJECTION_IDS) {
            Objection o = kb.objection(id).orElseThrow();
            for (String lang : KnowledgeBase.LANGS) {
                Objection.Text x = o.in(lang);
                assertTrue(x.phrasings().size() >= 6, id + " " + lang + " phrasings");
                assertTrue(x.scripts().size() >= 2 && x.scripts().size() <= 3, id + " " + lang + " scripts");
                assertEquals(2, x.followups().size(), id + " " + lang + " follow-up questions");
                assertTrue(!x.avoid().isEmpty(), id + " " + lang + " what not to say");
            }
        }
    }

    @Test
    void phrasingsBelongToOneObjectionOnly() {
        Set<String> seen = new HashSet<>();
        for (Objection o : kb.objections()) {
            for (String lang : KnowledgeBase.LANGS) {
                for (String p : o.in(lang).phrasings()) {
                    assertTrue(seen.add(p.strip().toLowerCase(Locale.ROOT)), "phrasing used twice: " + p);
                }
            }
        }
    }

    @Test
    void checklistItemsAreShortWithStableUniqueIds() {
        assertTrue(kb.checklists().size() >= 9, "expected the nine checklists");
        for (Checklist c : kb.checklists()) {
            Set<String> ids = new HashSet<>();
            for (Checklist.Part p : c.sections()) {
                for (Checklist.Item i : p.items()) {
                    assertTrue(ids.add(i.id()), c.id() + " repeats item id " + i.id());
                    assertTrue(i.zh().length() < 60 && i.en().length() < 60, c.id() + "/" + i.id() + " is too long");
                }
            }
            assertTrue(kb.topic(c.topic(), "en").isPresent(), c.id() + " names unknown topic " + c.topic());
        }
    }

    @Test
    void thePackedCopyLoadsTheSameContent() {
        KnowledgeBase packed = KnowledgeLoader.load(null);
        assertEquals(kb.topics("zh").size(), packed.topics("zh").size());
        assertEquals(kb.objections().size(), packed.objections().size());
        assertEquals(kb.checklists().size(), packed.checklists().size());
    }

    @Test
    void aBrokenObjectionFileNamesTheFileAndLine(@TempDir Path dir) throws IOException {
        copy(FOLDER, dir);
        Files.writeString(dir.resolve("objections/price-too-high.yaml"), "id: price-too-high\nzh:\n  title: [unclosed\n");
        KnowledgeException e = assertThrows(KnowledgeException.class, () -> KnowledgeLoader.load(dir));
        assertTrue(e.getMessage().startsWith("knowledge/objections/price-too-high.yaml:"), e.getMessage());
        assertTrue(e.getMessage().matches("(?s)knowledge/objections/price-too-high\\.yaml:\\d+: .+"), e.getMessage());
    }

    @Test
    void aMissingTopicLanguageAndAShortSectionAreReported(@TempDir Path dir) throws IOException {
        copy(FOLDER, dir);
        Files.delete(dir.resolve("methodology/en/pitfalls.md"));
        KnowledgeException missing = assertThrows(KnowledgeException.class, () -> KnowledgeLoader.load(dir));
        assertTrue(missing.getMessage().contains("methodology/en/pitfalls.md"), missing.getMessage());

        copy(FOLDER, dir);
        Files.writeString(dir.resolve("methodology/en/pitfalls.md"),
                "---\nid: pitfalls\ntitle: Pitfalls\nlang: en\ntags: [x]\nrelated: []\n---\n## Too short\nTiny.\n");
        KnowledgeException shortSection = assertThrows(KnowledgeException.class, () -> KnowledgeLoader.load(dir));
        assertTrue(shortSection.getMessage().contains("knowledge/methodology/en/pitfalls.md:8"), shortSection.getMessage());
    }

    @Test
    void questionsNotCoveredAreReadAndABrokenListIsReported(@TempDir Path dir) throws IOException {
        KnowledgeBase kb = KnowledgeLoader.load(FOLDER);
        assertTrue(kb.notCovered("zh").size() >= 100 && kb.notCovered("en").size() >= 100,
                kb.notCovered("zh").size() + " / " + kb.notCovered("en").size());

        copy(FOLDER, dir);
        Files.writeString(dir.resolve("not-covered.yaml"), "zh:\n  - 明天会下雨吗\nen:\n  - \"\"\n");
        KnowledgeException empty = assertThrows(KnowledgeException.class, () -> KnowledgeLoader.load(dir));
        assertEquals("knowledge/not-covered.yaml: en: item 1 is empty", empty.getMessage());

        Files.writeString(dir.resolve("not-covered.yaml"), "zh:\n  - 明天会下雨吗\n");
        KnowledgeException missing = assertThrows(KnowledgeException.class, () -> KnowledgeLoader.load(dir));
        assertTrue(missing.getMessage().contains("en: needs a list of questions"), missing.getMessage());

        Files.delete(dir.resolve("not-covered.yaml"));
        assertEquals(List.of(), KnowledgeLoader.load(dir).notCovered("en"));
    }

    private static String body(Topic t) {
        StringBuilder b = new StringBuilder(t.intro());
        t.sections().forEach(s -> b.append('\n').append(s.body()));
        return b.toString();
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : files.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    @Test
    void countsForTheRecord() {
        for (String lang : KnowledgeBase.LANGS) {
            List<Topic> topics = kb.topics(lang);
            int sections = topics.stream().mapToInt(t -> t.sections().size()).sum();
            int phrasings = kb.objections().stream().mapToInt(o -> o.in(lang).phrasings().size()).sum();
            int items = kb.checklists().stream().mapToInt(Checklist::itemCount).sum();
            System.out.printf("knowledge %s: %d topics, %d sections, %d objections, %d phrasings, %d checklists, %d items%n",
                    lang, topics.size(), sections, kb.objections().size(), phrasings, kb.checklists().size(), items);
            assertEquals(KnowledgeBase.TOPIC_IDS.size(), topics.size());
        }
    }
}
