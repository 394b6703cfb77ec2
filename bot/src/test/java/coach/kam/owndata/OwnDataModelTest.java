package coach.kam.owndata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.kam.KamCoach;
import coach.kam.ask.LlmAnswerer;
import coach.kam.conversation.Event;
import coach.kam.conversation.Reply;
import coach.kam.retrieval.SearchIndexes;
import coach.kam.store.MapDbStore;
import coach.kam.testing.MutableClock;
import coach.kam.testing.TestCoach;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * With a language model configured (a stub of the OpenAI chat API on 127.0.0.1), a question about
 * the open account is phrased by the model from the rep's records only, and the records are still
 * quoted, numbered as cited; when the model says the records do not answer, the quotes alone remain.
 */
class OwnDataModelTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theModelPhrasesFromTheRepsRecordsOnlyAndTheRecordsAreQuoted() throws Exception {
        List<String> bodies = new CopyOnWriteArrayList<>();
        List<String> answers = new CopyOnWriteArrayList<>(List.of("Jim wants 5% off before Q1 [1].", "NOT_COVERED"));
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", ex -> {
            try (ex) {
                bodies.add(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                byte[] out = ok(answers.isEmpty() ? "NOT_COVERED" : answers.remove(0)).getBytes(StandardCharsets.UTF_8);
                ex.getResponseHeaders().set("Content-Type", "application/json");
                ex.sendResponseHeaders(200, out.length);
                try (OutputStream o = ex.getResponseBody()) {
                    o.write(out);
                }
            }
        });
        server.start();
        Path dir = Files.createTempDirectory("kam-owndata-model");
        String base = "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
        try (KamCoach coach = KamCoach.assemble(TestCoach.config(dir), MutableClock.at("2026-11-27T02:00:00Z"),
                TestCoach.knowledge(), MapDbStore.open(dir), SearchIndexes.of(TestCoach.indexes()),
                Optional.of(LlmAnswerer.openAi(base, "test-key", "m", Duration.ofSeconds(5))))) {
            say(coach, 2, "/new Acme Foods");
            say(coach, 2, "Jim said the price must come down 40% or nothing, OTHER-REP");
            say(coach, 1, "/new Acme Foods");
            say(coach, 1, "Jim said the price must come down 5% before Q1");
            String first = say(coach, 1, "what did jim say about pricing last time?");
            assertTrue(first.contains("Jim wants 5% off before Q1 [1]."), first);
            assertTrue(first.contains("[1] 📝 27 Nov: Jim said the price must come down 5% before Q1"), first);
            List<String> asked = bodies.stream().filter(b -> b.contains("Records:")).toList();
            assertEquals(1, asked.size(), bodies.toString());
            assertTrue(asked.get(0).contains("Jim said the price must come down 5% before Q1"), asked.get(0));
            assertFalse(asked.get(0).contains("OTHER-REP"), asked.get(0));

            String second = say(coach, 1, "what did jim say about pricing last time?");
            assertTrue(second.contains("📝 27 Nov: Jim said the price must come down 5% before Q1"), second);
            assertFalse(second.contains("NOT_COVERED") || second.contains("[1]"), second);
        } finally {
            server.stop(0);
        }
    }

    private static String say(KamCoach coach, long user, String text) {
        List<Reply> replies = coach.conversation().handle(new Event(user, user, null, text, null, null, "en"));
        return replies.stream().map(Reply::plainText).collect(Collectors.joining("\n---\n"));
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
}
