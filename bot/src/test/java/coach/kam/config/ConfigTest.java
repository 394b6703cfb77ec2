package coach.kam.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ConfigTest {
    private static final String TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw";

    private static Map<String, String> env(String... pairs) {
        Map<String, String> env = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            env.put(pairs[i], pairs[i + 1]);
        }
        return env;
    }

    /** The problem lines of an invalid configuration. */
    private static List<String> problems(Map<String, String> env) {
        Config.Invalid e = assertThrows(Config.Invalid.class, () -> Config.fromEnvironment(env));
        return Arrays.asList(e.getMessage().split("\n"));
    }

    private static void assertOneProblemNaming(String variable, Map<String, String> env) {
        List<String> problems = problems(env);
        assertEquals(1, problems.size(), () -> "expected exactly one problem, got " + problems);
        assertTrue(problems.get(0).startsWith(variable + ": "), () -> "problem should name " + variable + ": " + problems);
    }

    @Test
    void emptyEnvironmentGivesDefaults() {
        Config c = Config.fromEnvironment(Map.of());

        assertEquals(Path.of("./data"), c.dataDir());
        assertEquals(Optional.empty(), c.knowledgeDir());
        assertEquals(Optional.empty(), c.telegramToken());
        assertEquals(Config.PUBLIC_BOT_API, c.telegramApiUrl());
        assertEquals(Config.PUBLIC_BOT_API, c.telegramApiUrl());
        assertEquals(Set.of(), c.allowedUsers());
        assertEquals(Set.of(), c.admins());
        assertEquals(Optional.empty(), c.inviteCode());
        assertFalse(c.openAccess());
        assertEquals("none", c.llm().provider());
        assertFalse(c.llm().enabled());
        assertEquals(Optional.empty(), c.llm().baseUrl());
        assertEquals(Optional.empty(), c.llm().apiKey());
        assertEquals(Optional.empty(), c.llm().model());
        assertFalse(c.llm().shareNotes());
    }

    @Test
    void blankValuesCountAsUnset() {
        Config c = Config.fromEnvironment(env("KAM_DATA_DIR", "  ", "TELEGRAM_BOT_TOKEN", "", "KAM_ALLOWED_USERS", " ",
                "KAM_INVITE_CODE", "\t", "KAM_OPEN_ACCESS", " ", "KAM_LLM_PROVIDER", "", "KAM_TELEGRAM_API_URL", " "));

        assertEquals(Path.of("./data"), c.dataDir());
        assertEquals(Optional.empty(), c.telegramToken());
        assertEquals(Set.of(), c.allowedUsers());
        assertEquals(Optional.empty(), c.inviteCode());
        assertFalse(c.openAccess());
        assertFalse(c.llm().enabled());
        assertEquals(Config.PUBLIC_BOT_API, c.telegramApiUrl());
    }

    @Test
    void goodValuesAreReadAndStripped(@TempDir Path knowledge) {
        Config c = Config.fromEnvironment(env(
                "KAM_DATA_DIR", " /srv/kam ",
                "KAM_KNOWLEDGE_DIR", knowledge.toString(),
                "TELEGRAM_BOT_TOKEN", " " + TOKEN + " ",
                "KAM_TELEGRAM_API_URL", "http://127.0.0.1:8081",
                "KAM_ALLOWED_USERS", "1, 2;3  4,,",
                "KAM_ADMINS", "99",
                "KAM_INVITE_CODE", "Spring-2024",
                "KAM_OPEN_ACCESS", "YES"));

        assertEquals(Path.of("/srv/kam"), c.dataDir());
        assertEquals(Optional.of(knowledge), c.knowledgeDir());
        assertEquals(Optional.of(TOKEN), c.telegramToken());
        assertEquals(URI.create("http://127.0.0.1:8081"), c.telegramApiUrl());
        assertEquals(Set.of(1L, 2L, 3L, 4L), c.allowedUsers());
        assertEquals(Set.of(99L), c.admins());
        assertEquals(Optional.of("Spring-2024"), c.inviteCode());
        assertTrue(c.openAccess());
    }

    @ParameterizedTest
    @CsvSource({"true,true", "TRUE,true", "1,true", "yes,true", "Yes,true", "false,false", "0,false", "no,false", "NO,false"})
    void booleansAcceptTheUsualSpellings(String raw, boolean expected) {
        assertEquals(expected, Config.fromEnvironment(env("KAM_OPEN_ACCESS", raw)).openAccess());
        assertEquals(expected, Config.fromEnvironment(env("KAM_LLM_SHARE_NOTES", raw)).llm().shareNotes());
    }

    @Test
    void missingKnowledgeFolderIsOneProblem(@TempDir Path dir) {
        assertOneProblemNaming("KAM_KNOWLEDGE_DIR", env("KAM_KNOWLEDGE_DIR", dir.resolve("nope").toString()));
    }

    @Test
    void knowledgePathThatIsAFileIsOneProblem(@TempDir Path dir) throws Exception {
        Path file = java.nio.file.Files.writeString(dir.resolve("topic.md"), "# x");
        assertOneProblemNaming("KAM_KNOWLEDGE_DIR", env("KAM_KNOWLEDGE_DIR", file.toString()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "123456", "123:short", "abc:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw",
            "123:AAHdqTcvCH1vGW JxfSeofSAs0K5PALDsaw", "123456789AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw"})
    void badTokenIsOneProblem(String token) {
        assertOneProblemNaming("TELEGRAM_BOT_TOKEN", env("TELEGRAM_BOT_TOKEN", token));
    }

    @Test
    void tokenProblemDoesNotEchoTheSecret() {
        String almostToken = "123456789:AAHdqTcvCH1vGWJx!";
        List<String> problems = problems(env("TELEGRAM_BOT_TOKEN", almostToken));
        assertFalse(String.join("\n", problems).contains("AAHdqTcvCH1vGWJx"), problems::toString);
    }

    @ParameterizedTest
    @ValueSource(strings = {"api.telegram.org", "ftp://127.0.0.1/", "http://", "http:///path", "http://bad host/",
            "file:///tmp/x", "127.0.0.1:8081"})
    void badApiUrlIsOneProblem(String url) {
        assertOneProblemNaming("KAM_TELEGRAM_API_URL", env("KAM_TELEGRAM_API_URL", url));
    }

    @ParameterizedTest
    @ValueSource(strings = {"KAM_ALLOWED_USERS", "KAM_ADMINS"})
    void nonNumericUserIdIsOneProblemNamingTheValue(String variable) {
        List<String> problems = problems(env(variable, "12, bob, 34"));
        assertEquals(1, problems.size(), problems::toString);
        assertTrue(problems.get(0).startsWith(variable + ": "), problems::toString);
        assertTrue(problems.get(0).contains("bob"), problems::toString);
    }

    @Test
    void eachBadUserIdIsItsOwnLine() {
        List<String> problems = problems(env("KAM_ALLOWED_USERS", "alice,12,bob,99999999999999999999999"));
        assertEquals(3, problems.size(), problems::toString);
        assertTrue(problems.stream().allMatch(p -> p.startsWith("KAM_ALLOWED_USERS: ")), problems::toString);
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "12345", "abc def1", "abcdef\tg"})
    void weakInviteCodeIsOneProblem(String code) {
        assertOneProblemNaming("KAM_INVITE_CODE", env("KAM_INVITE_CODE", code));
    }

    @Test
    void sixCharacterInviteCodeIsAccepted() {
        assertEquals(Optional.of("abc123"), Config.fromEnvironment(env("KAM_INVITE_CODE", "abc123")).inviteCode());
    }

    @ParameterizedTest
    @ValueSource(strings = {"maybe", "on", "y", "2"})
    void badBooleanIsOneProblem(String raw) {
        assertOneProblemNaming("KAM_OPEN_ACCESS", env("KAM_OPEN_ACCESS", raw));
        assertOneProblemNaming("KAM_LLM_SHARE_NOTES", env("KAM_LLM_SHARE_NOTES", raw));
    }

    @Test
    void severalProblemsAreAllReportedOnSeparateLines(@TempDir Path dir) {
        List<String> problems = problems(env(
                "KAM_KNOWLEDGE_DIR", dir.resolve("missing").toString(),
                "TELEGRAM_BOT_TOKEN", "nope",
                "KAM_TELEGRAM_API_URL", "ftp://x",
                "KAM_ALLOWED_USERS", "x",
                "KAM_ADMINS", "y",
                "KAM_INVITE_CODE", "abc",
                "KAM_OPEN_ACCESS", "perhaps",
                "KAM_LLM_PROVIDER", "gpt",
                "KAM_LLM_MODEL", "m",
                "KAM_LLM_BASE_URL", "nowhere",
                "KAM_LLM_SHARE_NOTES", "sure"));

        List<String> variables = problems.stream().map(p -> p.substring(0, p.indexOf(':'))).toList();
        assertEquals(List.of("KAM_KNOWLEDGE_DIR", "TELEGRAM_BOT_TOKEN", "KAM_TELEGRAM_API_URL", "KAM_ALLOWED_USERS",
                "KAM_ADMINS", "KAM_INVITE_CODE", "KAM_OPEN_ACCESS", "KAM_LLM_PROVIDER", "KAM_LLM_BASE_URL",
                "KAM_LLM_SHARE_NOTES"), variables);
    }

    // ---- accessProblem ----

    @Test
    void noWayInIsAnAccessProblem() {
        Optional<String> problem = Config.fromEnvironment(Map.of()).accessProblem();
        assertTrue(problem.isPresent());
        assertTrue(problem.get().contains("KAM_ALLOWED_USERS"), problem.get());
        assertTrue(problem.get().contains("KAM_INVITE_CODE"), problem.get());
        assertTrue(problem.get().contains("KAM_OPEN_ACCESS"), problem.get());
    }

    @ParameterizedTest
    @CsvSource({"KAM_ALLOWED_USERS,42", "KAM_ADMINS,7", "KAM_INVITE_CODE,letmein", "KAM_OPEN_ACCESS,true"})
    void anyOneWayInIsEnough(String variable, String value) {
        assertEquals(Optional.empty(), Config.fromEnvironment(env(variable, value)).accessProblem());
    }

    @Test
    void openAccessFalseIsNotAWayIn() {
        assertTrue(Config.fromEnvironment(env("KAM_OPEN_ACCESS", "false")).accessProblem().isPresent());
    }

    @Test
    void withDataDirKeepsEverythingElse() {
        Config c = Config.fromEnvironment(env("KAM_ADMINS", "7", "KAM_INVITE_CODE", "letmein"));
        Config moved = c.withDataDir(Path.of("/elsewhere"));
        assertEquals(Path.of("/elsewhere"), moved.dataDir());
        assertEquals(c, moved.withDataDir(c.dataDir()));
    }

    // ---- LLM provider ----

    @Test
    void ollamaWithModelAndBaseUrlIsEnabled() {
        Config c = Config.fromEnvironment(env("KAM_LLM_PROVIDER", "Ollama", "KAM_LLM_MODEL", "qwen2.5:7b",
                "KAM_LLM_BASE_URL", "http://127.0.0.1:11434", "KAM_LLM_SHARE_NOTES", "true"));
        assertEquals("ollama", c.llm().provider());
        assertTrue(c.llm().enabled());
        assertEquals(Optional.of(URI.create("http://127.0.0.1:11434")), c.llm().baseUrl());
        assertEquals(Optional.of("qwen2.5:7b"), c.llm().model());
        assertTrue(c.llm().shareNotes());
    }

    @Test
    void openAiWithModelAndKeyIsEnabledWithoutBaseUrl() {
        Config c = Config.fromEnvironment(env("KAM_LLM_PROVIDER", "OPENAI", "KAM_LLM_MODEL", "gpt-4o-mini",
                "KAM_LLM_API_KEY", "sk-test"));
        assertEquals("openai", c.llm().provider());
        assertTrue(c.llm().enabled());
        assertEquals(Optional.of("sk-test"), c.llm().apiKey());
        assertEquals(Optional.empty(), c.llm().baseUrl());
    }

    @Test
    void explicitNoneIsDisabledAndNeedsNothing() {
        Config c = Config.fromEnvironment(env("KAM_LLM_PROVIDER", "NONE"));
        assertFalse(c.llm().enabled());
    }

    @Test
    void unknownProviderIsOneProblem() {
        List<String> problems = problems(env("KAM_LLM_PROVIDER", "gpt", "KAM_LLM_MODEL", "x"));
        assertEquals(1, problems.size(), problems::toString);
        assertTrue(problems.get(0).startsWith("KAM_LLM_PROVIDER: "), problems::toString);
        assertTrue(problems.get(0).contains("gpt"), problems::toString);
    }

    @Test
    void openAiNeedsModelAndKey() {
        List<String> problems = problems(env("KAM_LLM_PROVIDER", "openai"));
        assertEquals(2, problems.size(), problems::toString);
        assertTrue(problems.get(0).startsWith("KAM_LLM_MODEL: "), problems::toString);
        assertTrue(problems.get(1).startsWith("KAM_LLM_API_KEY: "), problems::toString);
    }

    @Test
    void ollamaNeedsModelAndBaseUrl() {
        List<String> problems = problems(env("KAM_LLM_PROVIDER", "ollama"));
        assertEquals(2, problems.size(), problems::toString);
        assertTrue(problems.get(0).startsWith("KAM_LLM_MODEL: "), problems::toString);
        assertTrue(problems.get(1).startsWith("KAM_LLM_BASE_URL: "), problems::toString);
    }

    @Test
    void ollamaDoesNotNeedAKey() {
        assertTrue(Config.fromEnvironment(env("KAM_LLM_PROVIDER", "ollama", "KAM_LLM_MODEL", "m",
                "KAM_LLM_BASE_URL", "http://127.0.0.1:11434")).llm().apiKey().isEmpty());
    }

    @Test
    void badLlmBaseUrlIsReportedForAnyProvider() {
        assertOneProblemNaming("KAM_LLM_BASE_URL", env("KAM_LLM_BASE_URL", "127.0.0.1:11434"));
        assertOneProblemNaming("KAM_LLM_BASE_URL", env("KAM_LLM_PROVIDER", "openai", "KAM_LLM_MODEL", "m",
                "KAM_LLM_API_KEY", "k", "KAM_LLM_BASE_URL", "ftp://127.0.0.1/v1"));
    }

    @Test
    void badLlmBaseUrlForOllamaIsOneProblem() {
        assertOneProblemNaming("KAM_LLM_BASE_URL", env("KAM_LLM_PROVIDER", "ollama", "KAM_LLM_MODEL", "m",
                "KAM_LLM_BASE_URL", "127.0.0.1:11434"));
    }
}
