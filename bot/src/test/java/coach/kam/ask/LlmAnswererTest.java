package coach.kam.ask;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.kam.knowledge.KnowledgeBase;
import coach.kam.knowledge.KnowledgeLoader;
import coach.kam.retrieval.Embedder;
import coach.kam.retrieval.SearchIndexes;
import coach.kam.store.MapDbStore;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The model-backed answer path against local stub servers that answer like the OpenAI-compatible
 * chat completions API and the Ollama chat API, over real retrieval built from the knowledge folder.
 */
class LlmAnswererTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String QUESTION = "怎么评估大客户?";
    private static final String EVALUATION_TITLE_ZH = "大客户评估与优化";
    private static final String OFF_TOPIC = "how do I bake sourdough bread";
    private static final String SECRET = "SECRET-NOTE-42";
    private static final String NOTES_HEADER = "The rep's notes";
    private static final AtomicLong USER_IDS = new AtomicLong(1_000);

    @TempDir
    static Path dataDir;
    static MapDbStore store;
    static SearchIndexes indexes;

    private Stub stub;

    @BeforeAll
    static void buildIndexes() {
        KnowledgeBase kb = KnowledgeLoader.load(Path.of("../knowledge"));
        store = MapDbStore.open(dataDir);
        indexes = SearchIndexes.of(SearchIndexes.build(kb, store, Embedder.load()));
    }

    @AfterAll
    static void closeStore() {
        if (store != null) {
            store.close();
        }
    }

    @BeforeEach
    void startStub() throws IOException {
        stub = new Stub();
    }

    @AfterEach
    void stopStub() {
        stub.close();
    }

    /** The two providers: how the client is made, where it posts, and what the server answers. */
    enum Provider {
        OPENAI("/v1/chat/completions") {
            @Override
            LlmAnswerer answerer(String stubBase, Duration timeout) {
                // the real OpenAI base URL ends in /v1 and the client appends /chat/completions
                return LlmAnswerer.openAi(stubBase + "/v1", "test-key", "m", timeout);
            }

            @Override
            String okBody(String content) {
                ObjectNode body = JSON.createObjectNode().put("id", "x").put("object", "chat.completion")
                        .put("created", 1).put("model", "m");
                ObjectNode choice = body.putArray("choices").addObject().put("index", 0);
                choice.putObject("message").put("role", "assistant").put("content", content);
                choice.put("finish_reason", "stop");
                body.putObject("usage").put("prompt_tokens", 1).put("completion_tokens", 1).put("total_tokens", 2);
                return body.toString();
            }

            @Override
            String errorBody() {
                return "{\"error\":{\"message\":\"boom\",\"type\":\"server_error\",\"param\":null,\"code\":null}}";
            }
        },
        OLLAMA("/api/chat") {
            @Override
            LlmAnswerer answerer(String stubBase, Duration timeout) {
                return LlmAnswerer.ollama(stubBase, "m", timeout);
            }

            @Override
            String okBody(String content) {
                ObjectNode body = JSON.createObjectNode().put("model", "m").put("created_at", "2026-01-01T00:00:00Z");
                body.putObject("message").put("role", "assistant").put("content", content);
                body.put("done", true).put("done_reason", "stop").put("total_duration", 1)
                        .put("prompt_eval_count", 1).put("eval_count", 1);
                return body.toString();
            }

            @Override
            String errorBody() {
                return "{\"error\":\"boom\"}";
            }
        };

        final String path;

        Provider(String path) {
            this.path = path;
        }

        abstract LlmAnswerer answerer(String stubBase, Duration timeout);

        abstract String okBody(String content);

        abstract String errorBody();
    }

    /** One chat message as the server received it. */
    record Msg(String role, String content) {
    }

    /** One request as the server received it. */
    record Request(String method, String path, Headers headers, String raw, JsonNode body) {
        List<Msg> messages() {
            List<Msg> out = new ArrayList<>();
            for (JsonNode m : body.path("messages")) {
                JsonNode c = m.path("content");
                String text;
                if (c.isArray()) {
                    StringBuilder sb = new StringBuilder();
                    c.forEach(part -> sb.append(part.path("text").asText("")));
                    text = sb.toString();
                } else {
                    text = c.asText("");
                }
                out.add(new Msg(m.path("role").asText(), text));
            }
            return out;
        }

        String allContent() {
            StringBuilder sb = new StringBuilder();
            messages().forEach(m -> sb.append(m.content()).append('\n'));
            return sb.toString();
        }
    }

    /** What the stub does with a chat request. */
    enum Mode { REPLY, FAIL, SLOW }

    /** A local HTTP server on 127.0.0.1 that records every request and answers like the chosen API. */
    final class Stub implements AutoCloseable {
        final HttpServer server;
        final ExecutorService pool = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "llm-stub");
            t.setDaemon(true);
            return t;
        });
        final List<Request> requests = new CopyOnWriteArrayList<>();
        final CountDownLatch release = new CountDownLatch(1);
        final CountDownLatch received = new CountDownLatch(1);
        final AtomicInteger calls = new AtomicInteger();
        volatile Provider provider = Provider.OPENAI;
        volatile Mode mode = Mode.REPLY;
        volatile IntFunction<String> replies = n -> "ANSWER-" + n + " [1]";

        Stub() throws IOException {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.setExecutor(pool);
            server.createContext("/", this::handle);
            server.start();
        }

        String base() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        private void handle(HttpExchange ex) throws IOException {
            try (ex) {
                String raw = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                JsonNode body = raw.isBlank() ? JSON.createObjectNode() : JSON.readTree(raw);
                requests.add(new Request(ex.getRequestMethod(), ex.getRequestURI().getPath(),
                        ex.getRequestHeaders(), raw, body));
                received.countDown();
                Provider p = provider;
                if (!"POST".equals(ex.getRequestMethod()) || !p.path.equals(ex.getRequestURI().getPath())) {
                    send(ex, 404, "{\"error\":\"not found\"}");
                    return;
                }
                int n = calls.incrementAndGet();
                switch (mode) {
                    case FAIL -> send(ex, 500, p.errorBody());
                    case SLOW -> {
                        try {
                            release.await(60, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        send(ex, 200, p.okBody(replies.apply(n)));
                    }
                    default -> send(ex, 200, p.okBody(replies.apply(n)));
                }
            } catch (IOException e) {
                // the client may have given up (slow case); nothing to answer
            }
        }

        private void send(HttpExchange ex, int status, String body) throws IOException {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", "application/json");
            ex.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(bytes);
            }
        }

        List<Request> chatRequests() {
            return requests.stream().filter(r -> r.path().equals(provider.path)).toList();
        }

        @Override
        public void close() {
            release.countDown();
            server.stop(0);
            pool.shutdownNow();
        }
    }

    private AskService service(Provider p, Duration timeout) {
        stub.provider = p;
        return new AskService(indexes, Optional.of(p.answerer(stub.base(), timeout)), store);
    }

    private AskService service(Provider p) {
        return service(p, Duration.ofSeconds(10));
    }

    private static AskService extractiveOnly() {
        return new AskService(indexes, Optional.empty(), store);
    }

    private static long newUser() {
        return USER_IDS.incrementAndGet();
    }

    /** Exactly one request reached the server, at the provider's chat path. */
    private Request onlyRequest(Provider p) {
        assertEquals(1, stub.requests.size(), () -> "requests: " + stub.requests);
        Request r = stub.requests.get(0);
        assertEquals("POST", r.method());
        assertEquals(p.path, r.path());
        return r;
    }

    private static void assertExtractiveFallback(Answer got, String question) {
        Answer plain = extractiveOnly().answerNow(question);
        assertEquals("extractive", got.via());
        assertTrue(got.covered());
        assertFalse(got.text().isBlank());
        assertEquals(plain.text(), got.text());
        assertEquals(plain.sources(), got.sources());
        assertEquals("evaluation", got.sources().get(0).topic());
    }

    // 1. a normal reply

    @ParameterizedTest
    @EnumSource(Provider.class)
    void normalReplyComesFromTheModelWithTheRetrievedSections(Provider p) {
        AskService service = service(p);
        stub.replies = n -> "  评估看贡献、潜力和关系质量三类标准 [1]\n";
        assertTrue(service.usesModel());

        Answer a = service.answer(newUser(), QUESTION, List.of());

        assertEquals("llm", a.via());
        assertTrue(a.covered());
        assertEquals("评估看贡献、潜力和关系质量三类标准 [1]", a.text());
        assertEquals(QUESTION, a.question());
        assertEquals("zh", a.lang());
        assertFalse(a.sources().isEmpty());
        assertEquals("evaluation", a.sources().get(0).topic());
        assertEquals(extractiveOnly().answerNow(QUESTION).sources(), a.sources());

        Request r = onlyRequest(p);
        assertEquals("m", r.body().path("model").asText());
        List<Msg> msgs = r.messages();
        assertEquals(2, msgs.size(), () -> "messages: " + msgs);
        assertEquals("system", msgs.get(0).role());
        assertTrue(msgs.get(0).content().contains("Simplified Chinese"));
        assertTrue(msgs.get(0).content().contains(LlmAnswerer.NOT_COVERED));
        Msg user = msgs.get(1);
        assertEquals("user", user.role());
        assertTrue(user.content().contains("Question: " + QUESTION), user.content());
        assertTrue(user.content().contains("[1] " + EVALUATION_TITLE_ZH + " > " + a.sources().get(0).section()),
                user.content());
        assertFalse(user.content().contains(NOTES_HEADER));

        String auth = r.headers().getFirst("Authorization");
        if (p == Provider.OPENAI) {
            assertEquals("Bearer test-key", auth);
        } else {
            assertNull(auth);
        }
    }

    @ParameterizedTest
    @EnumSource(Provider.class)
    void englishQuestionAsksForAnEnglishAnswer(Provider p) {
        AskService service = service(p);
        String q = "How do I evaluate a key account?";

        Answer a = service.answer(newUser(), q, List.of());

        assertEquals("llm", a.via());
        assertEquals("en", a.lang());
        assertEquals("evaluation", a.sources().get(0).topic());
        List<Msg> msgs = onlyRequest(p).messages();
        assertTrue(msgs.get(0).content().contains("English"));
        assertFalse(msgs.get(0).content().contains("Chinese"));
        assertTrue(msgs.get(1).content().contains("Question: " + q));
    }

    // 2. follow-up memory

    @ParameterizedTest
    @EnumSource(Provider.class)
    void followUpSendsTheSameUsersEarlierExchangeOnly(Provider p) {
        AskService service = service(p);
        long user = newUser();
        String followUp = "大客户评估的权重怎么定?";

        Answer first = service.answer(user, QUESTION, List.of());
        assertEquals("ANSWER-1 [1]", first.text());
        Answer second = service.answer(user, followUp, List.of());
        assertEquals("ANSWER-2 [1]", second.text());

        List<Request> chats = stub.chatRequests();
        assertEquals(2, chats.size());
        List<Msg> msgs = chats.get(1).messages();
        assertEquals(4, msgs.size(), () -> "messages: " + msgs);
        assertEquals("system", msgs.get(0).role());
        assertEquals(new Msg("user", QUESTION), msgs.get(1));
        assertEquals(new Msg("assistant", "ANSWER-1 [1]"), msgs.get(2));
        assertEquals("user", msgs.get(3).role());
        assertTrue(msgs.get(3).content().endsWith("Question: " + followUp));

        service.answer(newUser(), followUp, List.of());
        Request other = stub.chatRequests().get(2);
        List<Msg> otherMsgs = other.messages();
        assertEquals(2, otherMsgs.size(), () -> "messages: " + otherMsgs);
        assertTrue(otherMsgs.stream().noneMatch(m -> m.role().equals("assistant")));
        assertFalse(other.raw().contains("ANSWER-1"));
        assertFalse(other.raw().contains("ANSWER-2"));
        assertFalse(other.allContent().contains(QUESTION));
    }

    @ParameterizedTest
    @EnumSource(Provider.class)
    void memoryKeepsOnlyTheLastTurns(Provider p) {
        AskService service = service(p);
        long user = newUser();
        List<String> questions = List.of(QUESTION, "大客户评估的权重怎么定?", "大客户潜力怎么打分?",
                "大客户满意度和忠诚度怎么打分?", "怎么体面地退出一个大客户?");
        for (String q : questions) {
            assertEquals("llm", service.answer(user, q, List.of()).via(), q);
        }

        List<Request> chats = stub.chatRequests();
        assertEquals(questions.size(), chats.size());
        List<Msg> last = chats.get(questions.size() - 1).messages();
        int turns = AskService.MEMORY_TURNS;
        assertEquals(2 + 2 * turns, last.size(), () -> "messages: " + last);
        for (int i = 0; i < turns; i++) {
            int asked = questions.size() - 1 - turns + i;
            assertEquals(new Msg("user", questions.get(asked)), last.get(1 + 2 * i));
            assertEquals(new Msg("assistant", "ANSWER-" + (asked + 1) + " [1]"), last.get(2 + 2 * i));
        }
        assertFalse(chats.get(questions.size() - 1).raw().contains("ANSWER-1 "));
    }

    // 3. notes are sent only when the caller passes them

    @ParameterizedTest
    @EnumSource(Provider.class)
    void notesAreSentOnlyWhenPassed(Provider p) {
        AskService service = service(p);
        long user = newUser();

        service.answer(user, QUESTION, List.of());
        Request without = stub.chatRequests().get(0);
        assertFalse(without.raw().contains(SECRET));
        assertFalse(without.allContent().contains(NOTES_HEADER));

        Answer withNotes = service.answer(user, QUESTION, List.of(SECRET + ": buyer wants quarterly reviews"));
        assertEquals("llm", withNotes.via());
        Request with = stub.chatRequests().get(1);
        assertTrue(with.raw().contains(SECRET));
        Msg last = with.messages().get(with.messages().size() - 1);
        assertTrue(last.content().contains(NOTES_HEADER));
        assertTrue(last.content().contains("- " + SECRET + ": buyer wants quarterly reviews"));

        // the next question of the same rep, without notes, does not carry them on through memory
        service.answer(user, "大客户评估的权重怎么定?", List.of());
        Request after = stub.chatRequests().get(2);
        assertFalse(after.raw().contains(SECRET), after.raw());
        assertFalse(after.allContent().contains(NOTES_HEADER));
    }

    // 4. server error

    @ParameterizedTest
    @EnumSource(Provider.class)
    void serverErrorFallsBackToTheExtractiveAnswer(Provider p) {
        AskService service = service(p);
        stub.mode = Mode.FAIL;
        long user = newUser();

        Answer a = service.answer(user, QUESTION, List.of());

        assertExtractiveFallback(a, QUESTION);
        onlyRequest(p); // no retries

        // a failed call leaves no memory behind
        stub.mode = Mode.REPLY;
        service.answer(user, "大客户评估的权重怎么定?", List.of());
        assertEquals(2, stub.chatRequests().get(1).messages().size());
    }

    // 5. slow reply

    @ParameterizedTest
    @EnumSource(Provider.class)
    void slowReplyFallsBackToTheExtractiveAnswer(Provider p) throws InterruptedException {
        AskService service = service(p, Duration.ofSeconds(1));
        stub.mode = Mode.SLOW;

        Answer a = assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> service.answer(newUser(), QUESTION, List.of()));

        assertExtractiveFallback(a, QUESTION);
        assertTrue(stub.received.await(10, TimeUnit.SECONDS), "the stub never received the request");
        assertEquals(p.path, stub.requests.get(0).path());
    }

    // 6. the model says the sections do not cover it

    @ParameterizedTest
    @EnumSource(Provider.class)
    void notCoveredReplyFallsBackToTheExtractiveAnswer(Provider p) {
        AskService service = service(p);
        stub.replies = n -> LlmAnswerer.NOT_COVERED;
        long user = newUser();

        Answer a = service.answer(user, QUESTION, List.of());

        assertExtractiveFallback(a, QUESTION);
        onlyRequest(p);

        // the refusal is not remembered as an answer
        stub.replies = n -> "ANSWER-" + n;
        Answer next = service.answer(user, "大客户评估的权重怎么定?", List.of());
        assertEquals("llm", next.via());
        assertEquals(2, stub.chatRequests().get(1).messages().size());
    }

    @ParameterizedTest
    @EnumSource(Provider.class)
    void blankReplyFallsBackToTheExtractiveAnswer(Provider p) {
        AskService service = service(p);
        stub.replies = n -> "   ";

        Answer a = service.answer(newUser(), QUESTION, List.of());

        assertExtractiveFallback(a, QUESTION);
        onlyRequest(p);
    }

    // 7. a question the knowledge base does not cover never reaches the model

    @ParameterizedTest
    @EnumSource(Provider.class)
    void uncoveredQuestionNeverCallsTheModel(Provider p) {
        AskService service = service(p);

        Answer a = service.answer(newUser(), OFF_TOPIC, List.of());

        assertNotNull(a);
        assertFalse(a.covered());
        assertEquals("extractive", a.via());
        assertTrue(a.text().isEmpty());
        assertFalse(a.closestTopics().isEmpty(), "the closest topics are offered instead");
        assertTrue(stub.requests.isEmpty(), () -> "requests: " + stub.requests);
    }
}
