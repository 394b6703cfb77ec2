package coach.kam.practice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.kam.KamCoach;
import coach.kam.config.Config;
import coach.kam.conversation.Event;
import coach.kam.conversation.Reply;
import coach.kam.retrieval.SearchIndexes;
import coach.kam.store.MapDbStore;
import coach.kam.testing.MutableClock;
import coach.kam.testing.TestCoach;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * With a language model configured (a stub of the OpenAI chat API on 127.0.0.1), the customer
 * answers back twice through the AI service before the feedback; a failing model leaves the drill
 * going, and without a model one answer gets the feedback at once.
 */
class PracticeRoleplayTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private HttpServer server;
    private final List<JsonNode> requests = new CopyOnWriteArrayList<>();
    private volatile boolean failing;

    @BeforeEach
    void stub() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            JsonNode body = JSON.readTree(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            requests.add(body);
            int status = failing ? 500 : 200;
            String out = failing ? "{\"error\":{\"message\":\"boom\",\"type\":\"server_error\"}}" : ok("PUSHBACK-" + requests.size());
            byte[] bytes = out.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(status, bytes.length);
            ex.getResponseBody().write(bytes);
        }
    }

    private static String ok(String content) {
        ObjectNode body = JSON.createObjectNode().put("id", "x").put("object", "chat.completion").put("created", 1)
                .put("model", "m");
        ObjectNode choice = body.putArray("choices").addObject().put("index", 0);
        choice.putObject("message").put("role", "assistant").put("content", content);
        choice.put("finish_reason", "stop");
        body.putObject("usage").put("prompt_tokens", 1).put("completion_tokens", 1).put("total_tokens", 2);
        return body.toString();
    }

    private KamCoach coach(boolean withModel) throws IOException {
        Path dir = Files.createTempDirectory("kam-roleplay");
        Map<String, String> env = new java.util.HashMap<>(Map.of("KAM_DATA_DIR", dir.toString(),
                "KAM_KNOWLEDGE_DIR", TestCoach.KNOWLEDGE.toString()));
        if (withModel) {
            env.putAll(Map.of("KAM_LLM_PROVIDER", "openai", "KAM_LLM_BASE_URL",
                    "http://127.0.0.1:" + server.getAddress().getPort() + "/v1", "KAM_LLM_API_KEY", "k", "KAM_LLM_MODEL", "m"));
        }
        return KamCoach.assemble(Config.fromEnvironment(env), MutableClock.at("2026-11-27T02:00:00Z"),
                TestCoach.knowledge(), MapDbStore.open(dir), SearchIndexes.of(TestCoach.indexes()), Optional.empty());
    }

    private static String say(KamCoach coach, String text) {
        return coach.conversation().handle(new Event(1, 1, null, text, null, null, "en")).stream()
                .map(Reply::html).collect(Collectors.joining("\n"));
    }

    @Test
    void theCustomerAnswersBackTwiceThenTheWholeTalkIsScored() throws IOException {
        try (KamCoach coach = coach(true)) {
            assertTrue(say(coach, "/practice").contains("Price too high"));
            String first = say(coach, "I understand, it's a real investment.");
            assertTrue(first.contains("PUSHBACK-1") && first.contains("not convinced yet"), first);
            assertFalse(first.contains("Model script"));
            String second = say(coach, "What are you comparing it with?");
            assertTrue(second.contains("PUSHBACK-2"), second);
            String last = say(coach, "Can I send you the numbers on Thursday?");
            assertTrue(last.contains("Model script"), last);
            assertTrue(last.contains("✅ acknowledge") && last.contains("✅ ask") && last.contains("✅ propose"),
                    "the moves of all three answers count: " + last);
            assertEquals(2, requests.size(), "two model calls, none for the feedback");
            String sent = requests.get(1).toString();
            assertTrue(sent.contains("Price too high") && sent.contains("I understand, it's a real investment.")
                    && sent.contains("What are you comparing it with?"), sent);
        }
    }

    @Test
    void aFailingModelLeavesTheDrillGoing() throws IOException {
        failing = true;
        try (KamCoach coach = coach(true)) {
            say(coach, "/practice");
            assertTrue(say(coach, "Fair enough.").contains("said nothing this time"));
            say(coach, "What matters most to you?");
            assertTrue(say(coach, "Shall I call you Friday?").contains("Model script"));
        }
    }

    @Test
    void withoutAModelOneAnswerGetsTheFeedback() throws IOException {
        try (KamCoach coach = coach(false)) {
            say(coach, "/practice");
            assertTrue(say(coach, "Fair enough. What matters most to you?").contains("Model script"));
            assertEquals(0, requests.size());
        }
    }
}
