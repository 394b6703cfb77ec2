package coach.kam.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.kam.conversation.commands.SettingsCommands;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MessagesTest {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)}");
    private static final Set<String> TAGS = Set.of("b", "i", "code");
    private static final Pattern ENTITY = Pattern.compile("&(?:amp|lt|gt|quot|#[0-9]+|#x[0-9a-fA-F]+);");
    private static Messages messages;
    private static Map<String, Map<String, String>> raw;

    @BeforeAll
    static void load() throws IOException {
        messages = Messages.load();
        try (InputStream in = MessagesTest.class.getResourceAsStream("/i18n/messages.yaml")) {
            raw = new ObjectMapper(new YAMLFactory()).readValue(in, new TypeReference<TreeMap<String, Map<String, String>>>() { });
        }
    }

    @Test
    void loadsAndLooksUpKnownKeys() {
        assertTrue(messages.has("help.full"));
        assertFalse(messages.has("no.such.key"));
        assertTrue(messages.get("en", "help.full").contains("/new"));
        assertTrue(messages.get("zh", "help.full").contains("/new"));
        assertNotEquals(messages.get("en", "cancel.done"), messages.get("zh", "cancel.done"));
    }

    @Test
    void fillsPlaceholdersInOrder() {
        assertEquals("Renamed <b>Old</b> to <b>New</b>.", messages.get("en", "rename.done", "Old", "New"));
        assertEquals("There is no /frobnicate command. /help lists them all.",
                messages.get("en", "command.unknown", "frobnicate"));
    }

    @Test
    void textIsStripped() {
        String help = messages.get("en", "help.full");
        assertEquals(help.strip(), help);
    }

    @Test
    void unknownLanguageFallsBackToEnglish() {
        assertEquals(messages.get("en", "cancel.done"), messages.get("fr", "cancel.done"));
    }

    @Test
    void unknownKeyIsAnError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> messages.get("en", "no.such.key"));
        assertTrue(e.getMessage().contains("no.such.key"));
    }

    @Test
    void languageForChineseCodes() {
        assertEquals("zh", Messages.languageFor("zh"));
        assertEquals("zh", Messages.languageFor("zh-hans"));
        assertEquals("zh", Messages.languageFor("ZH-TW"));
        assertEquals("en", Messages.languageFor("en"));
        assertEquals("en", Messages.languageFor("de"));
        assertEquals("en", Messages.languageFor(""));
        assertEquals("en", Messages.languageFor(null));
    }

    @Test
    void everyKeyHasNonBlankChineseAndEnglish() {
        assertTrue(raw.size() > 50, "only " + raw.size() + " messages read");
        List<String> missing = new ArrayList<>();
        raw.forEach((key, byLang) -> {
            for (String lang : Messages.LANGUAGES) {
                if (byLang == null || byLang.get(lang) == null || byLang.get(lang).isBlank()) {
                    missing.add(key + "." + lang);
                }
            }
            if (byLang != null && !Messages.LANGUAGES.containsAll(byLang.keySet())) {
                missing.add(key + " has unknown languages " + byLang.keySet());
            }
            assertTrue(messages.has(key), key);
        });
        assertEquals(List.of(), missing);
    }

    @Test
    void bothLanguagesUseTheSamePlaceholders() {
        List<String> mismatched = new ArrayList<>();
        raw.forEach((key, byLang) -> {
            Set<String> zh = placeholders(byLang.get("zh"));
            Set<String> en = placeholders(byLang.get("en"));
            if (!zh.equals(en)) {
                mismatched.add(key + ": zh " + zh + " en " + en);
            }
        });
        assertEquals(List.of(), mismatched);
    }

    @Test
    void everyMessageKeyUsedInMainCodeExists() throws IOException {
        Path sources = mainSources();
        List<Pattern> uses = List.of(
                // t("key"), turn.t("key"), t.t("key")
                Pattern.compile("\\bt\\(\\s*\"([^\"]+)\"\\s*[,)]"),
                // messages.get(lang, "key"), messages().get(a.lang(), "key")
                Pattern.compile("messages(?:\\(\\))?\\.get\\(\\s*[^\",]+,\\s*\"([^\"]+)\"\\s*[,)]"),
                // turn.t(cond ? "a" : "b") and String key = cond ? "a" : "b";
                Pattern.compile("\\?\\s*\"([a-z]+(?:\\.[a-z]+)+)\"\\s*:\\s*\"([a-z]+(?:\\.[a-z]+)+)\""));
        // keys built at run time, like "menu." + name: only the menu does that, and it is checked below
        Pattern dynamic = Pattern.compile("(?:\\bt\\(|messages(?:\\(\\))?\\.get\\(\\s*[^\",]+,)\\s*\"([^\"]*)\"\\s*\\+");
        Set<String> dynamicPrefixes = new TreeSet<>();
        Map<String, String> used = new TreeMap<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String code = Files.readString(file);
                Matcher d = dynamic.matcher(code);
                while (d.find()) {
                    dynamicPrefixes.add(d.group(1));
                }
                for (Pattern p : uses) {
                    Matcher m = p.matcher(code);
                    while (m.find()) {
                        for (int g = 1; g <= m.groupCount(); g++) {
                            used.putIfAbsent(m.group(g), sources.relativize(file).toString());
                        }
                    }
                }
            }
        }
        assertEquals(Set.of("menu.", "dialog.waiting.", "plan.ask.", "brief.person.", "checkin.reason.", "course.step."),
                dynamicPrefixes,
                "a new computed message key needs its own check here");
        // dialog.waiting.<kind>: every one-step question says what it waits for when resumed
        Matcher waits = Pattern.compile("(?:waitingFor|await)\\(\\s*\"([a-z-]*[a-z])\"").matcher(allCode(sources));
        int kinds = 0;
        while (waits.find()) {
            kinds++;
            assertTrue(messages.has("dialog.waiting." + waits.group(1)), "no message dialog.waiting." + waits.group(1));
        }
        assertTrue(kinds > 5, "the scan found only " + kinds + " one-step questions");
        for (String field : List.of("owner", "due", "note", "figures")) {
            assertTrue(messages.has("plan.ask." + field), "no message plan.ask." + field);
        }
        for (String step : coach.kam.plans.CoursePlans.STEPS) {
            assertTrue(messages.has("course.step." + step), "no message course.step." + step);
        }
        for (String unclear : List.of("ambiguous", "invalid", "past")) {
            assertTrue(messages.has("remind.unclear." + unclear), "no message remind.unclear." + unclear);
        }
        for (String reason : List.of("busy", "waiting", "season", "paused")) {
            assertTrue(messages.has("checkin.reason." + reason), "no message checkin.reason." + reason);
        }
        for (String role : List.of("decision-maker", "coach")) {
            assertTrue(messages.has("brief.person." + role), "no message brief.person." + role);
        }
        // the scan must really find the keys, or this test proves nothing
        assertTrue(used.size() > 60, "only found " + used.keySet());
        for (String known : List.of("help.full", "access.refused", "ask.not.covered", "objection.worked",
                "cancel.done", "accounts.several")) {
            assertTrue(used.containsKey(known), "scan missed " + known);
        }
        List<String> missing = new ArrayList<>();
        used.forEach((key, file) -> {
            if (!messages.has(key)) {
                missing.add(key + " (used in " + file + ")");
            }
        });
        assertEquals(List.of(), missing);
    }

    private static String allCode(Path sources) throws IOException {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                all.append(Files.readString(file)).append('\n');
            }
        }
        return all.toString();
    }

    @Test
    void everyMenuCommandHasADescription() {
        assertFalse(SettingsCommands.MENU.isEmpty());
        for (String command : SettingsCommands.MENU) {
            assertTrue(command.matches("[a-z0-9_]{1,32}"), "not a valid Telegram command name: " + command);
            assertTrue(messages.has("menu." + command), "no message menu." + command);
            for (String lang : Messages.LANGUAGES) {
                String text = messages.get(lang, "menu." + command);
                // Telegram: command descriptions are 1-256 characters of plain text
                assertFalse(text.isBlank(), "menu." + command + "." + lang);
                assertTrue(text.length() <= 256, "menu." + command + "." + lang);
                assertFalse(text.contains("<") || text.contains("&"), "menu." + command + " is plain text");
            }
        }
    }

    @Test
    void everyMessageIsValidTelegramHtmlWhenFilled() {
        List<String> problems = new ArrayList<>();
        raw.forEach((key, byLang) -> {
            for (String lang : Messages.LANGUAGES) {
                int n = placeholders(byLang.get(lang)).stream().mapToInt(Integer::parseInt).max().orElse(-1) + 1;
                Object[] args = new Object[n];
                for (int i = 0; i < n; i++) {
                    args[i] = "word" + i;
                }
                String text = messages.get(lang, key, args);
                if (PLACEHOLDER.matcher(text).find()) {
                    problems.add(key + "." + lang + ": unfilled placeholder");
                }
                htmlProblem(text).ifPresent(p -> problems.add(key + "." + lang + ": " + p));
            }
        });
        assertEquals(List.of(), problems);
    }

    @Test
    void theHtmlCheckCatchesBadMarkup() {
        assertTrue(htmlProblem("a <b>b</b> &amp; &lt;c&gt; &quot;d&quot; <i>e</i> <code>f</code>").isEmpty());
        assertTrue(htmlProblem("<b><i>x</i></b>").isEmpty());
        for (String bad : List.of("a < b", "Tom & Jerry", "<b>open", "x</b>", "<b><i>x</b></i>", "<u>x</u>",
                "<a href=\"x\">y</a>", "&nbsp;", "<b>x</b")) {
            assertTrue(htmlProblem(bad).isPresent(), "should be rejected: " + bad);
        }
    }

    private static Set<String> placeholders(String text) {
        Set<String> found = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    /** Only b, i, code tags without attributes, balanced and nested; '&' only in entities; no bare '<'. */
    private static java.util.Optional<String> htmlProblem(String html) {
        Deque<String> open = new ArrayDeque<>();
        int i = 0;
        while (i < html.length()) {
            char c = html.charAt(i);
            if (c == '<') {
                int end = html.indexOf('>', i);
                if (end < 0) {
                    return java.util.Optional.of("bare '<' at " + i);
                }
                String tag = html.substring(i + 1, end);
                boolean closing = tag.startsWith("/");
                String name = closing ? tag.substring(1) : tag;
                if (!TAGS.contains(name)) {
                    return java.util.Optional.of("tag <" + tag + "> not allowed");
                }
                if (closing) {
                    if (!name.equals(open.poll())) {
                        return java.util.Optional.of("</" + name + "> does not close the open tag");
                    }
                } else {
                    open.push(name);
                }
                i = end + 1;
            } else if (c == '&') {
                Matcher m = ENTITY.matcher(html).region(i, html.length());
                if (!m.lookingAt()) {
                    return java.util.Optional.of("bare '&' at " + i);
                }
                i = m.end();
            } else if (c == '>') {
                return java.util.Optional.of("bare '>' at " + i);
            } else {
                i++;
            }
        }
        return open.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of("unclosed " + open);
    }

    private static Path mainSources() {
        for (String base : new String[] {System.getProperty("basedir", "."), ".", "bot"}) {
            Path p = Path.of(base, "src", "main", "java");
            if (Files.isDirectory(p.resolve("coach/kam"))) {
                return p;
            }
        }
        throw new IllegalStateException("cannot find bot/src/main/java from " + Path.of("").toAbsolutePath());
    }
}
