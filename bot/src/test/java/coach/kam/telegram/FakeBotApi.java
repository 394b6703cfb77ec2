package coach.kam.telegram;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * A fake Telegram Bot API server on 127.0.0.1 for tests, checked against the Bot API 10.1 spec
 * (test resource {@code telegram/bot-api-spec.json}).
 *
 * <p>Serves {@code /bot<token>/<method>} (method names matched case-insensitively), with parameters
 * as query string, JSON, form-urlencoded or multipart body. Calls that break the spec or a documented
 * limit answer HTTP 400 like the real API (unknown methods 404, wrong token 401) and are recorded in
 * {@link #violations()}. Every call of a known method with the right token is recorded in
 * {@link #calls()}, including rejected and {@link #failNext failed} ones (see {@link Call#ok()}).
 *
 * <p>getUpdates ({@link FakeBotApiUpdateQueue}) serves {@link #enqueue enqueued} updates with
 * update_id &gt;= offset (updates below the offset are confirmed and dropped) and holds an empty
 * poll at most min(timeout, 2) seconds, waking as soon as an update is enqueued. Thread-safe; each
 * request runs on its own executor thread, so a held poll never blocks sendMessage.
 *
 * <p>Parsing, validation, HTML checking and the answers live in the FakeBotApi* classes and
 * {@link TelegramHtmlChecker} of this package.
 */
public final class FakeBotApi implements AutoCloseable {

    /**
     * One request: canonical method name (e.g. "sendMessage"), its parameters (multipart files as
     * {"file_name", "content_type", "size", "bytes"}), arrival time and the HTTP status answered.
     */
    public record Call(String method, JsonNode params, long receivedAtNanos, int httpStatus) {
        public boolean ok() {
            return httpStatus == 200;
        }
    }

    private record Failure(int httpStatus, Integer retryAfter, long delayMillis, boolean drop) {
        Failure(int httpStatus, Integer retryAfter) {
            this(httpStatus, retryAfter, 0, false);
        }
    }

    /** Telegram's flood limits as token buckets: per chat 1 message a second with a burst of 3, 30 a second overall. */
    private static final class Limits {
        static final double CHAT_PER_SECOND = 1;
        static final double CHAT_BURST = 3;
        static final double GLOBAL_PER_SECOND = 30;
        static final double GLOBAL_BURST = 30;
        private final Map<String, double[]> chats = new HashMap<>();
        private final double[] global = {GLOBAL_BURST, System.nanoTime()};

        /** Seconds to wait, or 0 when this message is within the limits (and then it is counted). */
        synchronized int take(String chat, long now) {
            double[] c = chats.computeIfAbsent(chat, k -> new double[] {CHAT_BURST, now});
            refill(c, now, CHAT_PER_SECOND, CHAT_BURST);
            refill(global, now, GLOBAL_PER_SECOND, GLOBAL_BURST);
            if (c[0] < 1 || global[0] < 1) {
                return 1;
            }
            c[0] -= 1;
            global[0] -= 1;
            return 0;
        }

        private static void refill(double[] bucket, long now, double perSecond, double burst) {
            double since = (now - bucket[1]) / 1e9;
            if (since > 0) {
                bucket[0] = Math.min(burst, bucket[0] + since * perSecond);
                bucket[1] = now;
            }
        }
    }

    private static final long DEFAULT_BOT_ID = 1_000_000_001L;

    private final String token;
    private final long botId;
    private final ObjectMapper mapper = new ObjectMapper();
    private final FakeBotApiSpec spec = FakeBotApiSpec.load();
    private final FakeBotApiValidator validator = new FakeBotApiValidator(spec);
    private final FakeBotApiRequestParser parser = new FakeBotApiRequestParser(mapper);
    private final HttpServer server;
    private final ExecutorService executor;
    private final AtomicLong messageIds = new AtomicLong(1000);
    private final AtomicInteger callbackIds = new AtomicInteger();
    private final FakeBotApiUpdateQueue updates = new FakeBotApiUpdateQueue();
    private final FakeBotApiResponder responder;

    private final Object lock = new Object();
    // all guarded by lock
    private final List<Call> calls = new ArrayList<>();
    private final List<String> violations = new ArrayList<>();
    private final Map<String, Deque<Failure>> failures = new HashMap<>();
    private boolean closed;
    private int inFlight;
    private Limits limits;
    private final List<java.util.function.Consumer<Call>> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();
    private boolean keepCalls = true;
    private int tooManyRequests;
    /** file_id -> files users sent (guarded by lock). */
    private final Map<String, FakeFile> files = new HashMap<>();
    private int fileDownloads;
    private long fileBytesServed;

    /** Telegram's limit on files a bot downloads through the public Bot API (getFile refuses larger ones). */
    public static final long MAX_DOWNLOAD = 20L * 1024 * 1024;

    /**
     * A file a user sent: its bytes, or (bytes null) {@code size} bytes of blank CSV lines made while
     * they are served; {@code declared} says whether Telegram tells its size (file_size, and a
     * Content-Length on the download) or leaves it out.
     */
    private record FakeFile(byte[] bytes, long size, boolean declared) {
    }

    private FakeBotApi(String token) throws IOException {
        this.token = token;
        this.botId = botIdOf(token);
        this.responder = new FakeBotApiResponder(botId, messageIds);
        AtomicInteger threads = new AtomicInteger();
        this.executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "fake-bot-api-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 64);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Starts a fake for the given bot token on a free port of 127.0.0.1. */
    public static FakeBotApi start(String token) {
        try {
            return new FakeBotApi(token);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start fake Bot API", e);
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            lock.notifyAll();
        }
        updates.close(); // release held getUpdates, so that they answer before the server stops
        awaitIdle(TimeUnit.SECONDS.toNanos(1));
        server.stop(0);
        executor.shutdownNow();
    }

    // ---------------------------------------------------------------- test controls

    /** Queues an update (JSON object); assigns the next update_id when it has none. Returns the id. */
    public long enqueue(String updateJson) {
        ObjectNode update;
        try {
            JsonNode node = mapper.readTree(updateJson);
            if (node == null || !node.isObject()) {
                throw new IllegalArgumentException("an update must be a JSON object: " + updateJson);
            }
            update = (ObjectNode) node;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + updateJson, e);
        }
        return updates.add(update);
    }

    /** A private text message from the user (language "en"); returns its update_id. */
    public long enqueueText(long userId, String text) {
        return enqueueText(userId, text, "en");
    }

    public long enqueueText(long userId, String text, String languageCode) {
        ObjectNode message = FakeBotApiObjects.textMessage(messageIds.incrementAndGet(),
                FakeBotApiObjects.user(userId, languageCode), FakeBotApiObjects.privateChat(userId), text);
        return enqueueUpdate("message", message);
    }

    /** The user pressed a button with this callback_data under the bot's message {@code messageId}. */
    /** A message the fake sent, as it shows now (edits applied), or null. */
    public com.fasterxml.jackson.databind.node.ObjectNode message(long messageId) {
        return responder.sentMessage(messageId);
    }

    /** The newest message in the user's chat that shows a button with this data, if the fake sent one. */
    public java.util.OptionalLong messageWithButton(long userId, String data) {
        return responder.messageWithButton(userId, data);
    }

    public long enqueueCallback(long userId, String data, int messageId) {
        ObjectNode query = mapper.createObjectNode();
        query.put("id", "cbq-" + callbackIds.incrementAndGet());
        query.set("from", FakeBotApiObjects.user(userId, "en"));
        ObjectNode message = responder.sentMessage(messageId);
        query.set("message", message != null ? message : FakeBotApiObjects.textMessage(messageId,
                FakeBotApiObjects.botUser(botId), FakeBotApiObjects.privateChat(userId), "(message " + messageId + ")"));
        query.put("chat_instance", "ci-" + userId);
        query.put("data", data);
        return enqueueUpdate("callback_query", query);
    }

    public long enqueueInlineQuery(long userId, String query) {
        ObjectNode inline = mapper.createObjectNode();
        inline.put("id", "iq-" + callbackIds.incrementAndGet());
        inline.set("from", FakeBotApiObjects.user(userId, "en"));
        inline.put("query", query);
        inline.put("offset", "");
        inline.put("chat_type", "private");
        return enqueueUpdate("inline_query", inline);
    }

    public long enqueueLocation(long userId, double latitude, double longitude) {
        ObjectNode message = FakeBotApiObjects.message(messageIds.incrementAndGet(),
                FakeBotApiObjects.user(userId, "en"), FakeBotApiObjects.privateChat(userId));
        message.set("location", FakeBotApiObjects.location(latitude, longitude));
        return enqueueUpdate("message", message);
    }

    /**
     * A private message carrying a file, as a rep sends a spreadsheet; the fake keeps the bytes so
     * that getFile and the file download serve them. {@code caption} may be null.
     */
    public long enqueueDocument(long userId, String fileName, byte[] bytes, String caption) {
        return enqueueFile(userId, fileName, new FakeFile(bytes.clone(), bytes.length, true), caption);
    }

    /**
     * As {@link #enqueueDocument}, for a file whose size Telegram does not tell: no file_size in the
     * message nor in getFile, and a download without a length (sent in chunks).
     */
    public long enqueueDocumentWithoutSize(long userId, String fileName, byte[] bytes) {
        return enqueueFile(userId, fileName, new FakeFile(bytes.clone(), bytes.length, false), null);
    }

    /**
     * A document of {@code size} bytes of blank lines, made as it is downloaded rather than kept (for
     * files far larger than a test wants in memory); {@code declared} as in {@link #enqueueDocumentWithoutSize}.
     */
    public long enqueueGeneratedDocument(long userId, String fileName, long size, boolean declared) {
        return enqueueFile(userId, fileName, new FakeFile(null, size, declared), null);
    }

    private long enqueueFile(long userId, String fileName, FakeFile content, String caption) {
        long messageId = messageIds.incrementAndGet();
        String fileId = "upload-" + messageId;
        synchronized (lock) {
            files.put(fileId, content);
        }
        ObjectNode message = FakeBotApiObjects.message(messageId, FakeBotApiObjects.user(userId, "en"),
                FakeBotApiObjects.privateChat(userId));
        ObjectNode document = message.putObject("document");
        document.put("file_id", fileId);
        document.put("file_unique_id", "unique-" + fileId);
        document.put("file_name", fileName);
        document.put("mime_type", "text/csv");
        if (content.declared()) {
            document.put("file_size", content.size());
        }
        if (caption != null) {
            message.put("caption", caption);
        }
        return enqueueUpdate("message", message);
    }

    /** The bytes of files the bot uploaded with sendDocument, oldest first. */
    public List<byte[]> sentDocuments() {
        List<byte[]> out = new ArrayList<>();
        for (Call c : calls("sendDocument")) {
            try {
                if (c.ok() && c.params().path("document").has("bytes")) {
                    out.add(c.params().path("document").path("bytes").binaryValue());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }

    /** How many times a file was downloaded through /file/bot<token>/... */
    public int fileDownloads() {
        synchronized (lock) {
            return fileDownloads;
        }
    }

    /**
     * Bytes of file downloads the client took: counted as each chunk's write returns, so a client
     * that stops reading ends the count (give or take what the connection buffers).
     */
    public long fileBytesServed() {
        synchronized (lock) {
            return fileBytesServed;
        }
    }

    private long enqueueUpdate(String kind, ObjectNode payload) {
        ObjectNode update = mapper.createObjectNode();
        update.set(kind, payload);
        return enqueue(update.toString());
    }

    /** Every call so far, in arrival order. */
    public List<Call> calls() {
        synchronized (lock) {
            return List.copyOf(calls);
        }
    }

    /** The calls of one method (name compared ignoring case). */
    public List<Call> calls(String method) {
        synchronized (lock) {
            return calls.stream().filter(c -> c.method().equalsIgnoreCase(method)).toList();
        }
    }

    /** Waits until {@code count} calls of the method arrived and returns the first {@code count}. */
    public List<Call> awaitCalls(String method, int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (true) {
                List<Call> matching = calls(method);
                if (matching.size() >= count) {
                    return List.copyOf(matching.subList(0, count));
                }
                waitUntil(deadline, () -> new AssertionError("expected " + count + " call(s) of " + method + " within "
                        + timeout + " but got " + matching.size() + "; calls so far: " + describe(calls, method)));
            }
        }
    }

    /** Waits until {@code condition} holds, checking again after every call that arrives. */
    public void awaitState(java.util.function.BooleanSupplier condition, Duration timeout, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (!condition.getAsBoolean()) {
                waitUntil(deadline, () -> new AssertionError("not reached within " + timeout + ": " + what));
            }
        }
    }

    /** Waits for the first call of the method whose parameters match. */
    public Call awaitCall(String method, Predicate<JsonNode> params, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (true) {
                for (Call call : calls(method)) {
                    if (params.test(call.params())) {
                        return call;
                    }
                }
                waitUntil(deadline, () -> new AssertionError("no matching call of " + method + " within " + timeout
                        + "; calls so far: " + describe(calls, method)));
            }
        }
    }

    /** Makes the next call of the method answer this HTTP error (with parameters.retry_after when given). */
    public void failNext(String method, int httpStatus, Integer retryAfter) {
        String name = spec.method(method).orElseThrow(() -> new IllegalArgumentException("unknown method " + method))
                .name().toLowerCase(Locale.ROOT);
        synchronized (lock) {
            failures.computeIfAbsent(name, k -> new ArrayDeque<>()).add(new Failure(httpStatus, retryAfter));
        }
    }

    /** Makes the next call of the method answer only after {@code delay} (it is acted on at once, like a slow network). */
    public void delayNext(String method, Duration delay) {
        addFault(method, new Failure(200, null, delay.toMillis(), false));
    }

    /** Makes the next call of the method act, then drop the connection without an answer. */
    public void dropNext(String method) {
        addFault(method, new Failure(200, null, 0, true));
    }

    private void addFault(String method, Failure failure) {
        String name = spec.method(method).orElseThrow(() -> new IllegalArgumentException("unknown method " + method))
                .name().toLowerCase(Locale.ROOT);
        synchronized (lock) {
            failures.computeIfAbsent(name, k -> new ArrayDeque<>()).add(failure);
        }
    }

    /**
     * Enforces Telegram's flood limits on sendMessage from now on: about 1 message a second per chat
     * with a burst of 3, 30 a second overall; a message over them answers HTTP 429 with retry_after.
     */
    public void enforceLimits() {
        synchronized (lock) {
            limits = new Limits();
        }
    }

    /** How many sends were answered 429 for breaking the flood limits. */
    public int tooManyRequests() {
        synchronized (lock) {
            return tooManyRequests;
        }
    }

    /** Every broken rule so far, e.g. "sendMessage: Bad Request: message is too long ...". */
    public List<String> violations() {
        synchronized (lock) {
            return List.copyOf(violations);
        }
    }

    /** Updates not yet confirmed by a getUpdates offset (delivered or not). */
    public int pendingUpdates() {
        return updates.pending();
    }

    // ---------------------------------------------------------------- HTTP

    private void awaitIdle(long timeoutNanos) {
        long deadline = System.nanoTime() + timeoutNanos;
        synchronized (lock) {
            while (inFlight > 0 && System.nanoTime() < deadline) {
                try {
                    TimeUnit.NANOSECONDS.timedWait(lock, deadline - System.nanoTime());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private void handle(HttpExchange exchange) {
        synchronized (lock) {
            inFlight++;
        }
        try {
            if (exchange.getRequestURI().getPath().startsWith("/file/")) {
                serveFile(exchange);
                return;
            }
            Answer answer;
            try {
                answer = answer(exchange);
            } catch (RuntimeException e) {
                synchronized (lock) {
                    if (closed) {
                        return;
                    }
                }
                violation("fake Bot API failed on " + exchange.getRequestURI().getPath() + ": " + e);
                answer = error(500, "Internal Server Error: " + e, null);
            }
            respond(exchange, answer);
        } catch (IOException e) {
            // the client went away (e.g. a poll cancelled on shutdown); nothing to answer
        } finally {
            exchange.close();
            synchronized (lock) {
                inFlight--;
                lock.notifyAll();
            }
        }
    }

    /** GET /file/bot<token>/<file_path>, as Telegram serves a file after getFile. */
    private void serveFile(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String prefix = "/file/bot" + token + "/";
        FakeFile file = null;
        if (!path.startsWith(prefix)) {
            violation("file download with a wrong token or path: " + path);
        } else if (!"GET".equals(exchange.getRequestMethod())) {
            violation("file download with " + exchange.getRequestMethod() + ": " + path);
        } else {
            String filePath = path.substring(prefix.length());
            synchronized (lock) {
                file = filePath.startsWith("documents/") ? files.get(filePath.substring("documents/".length())) : null;
                if (file != null) {
                    fileDownloads++;
                }
            }
        }
        if (file == null) {
            byte[] body = "Not Found".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(404, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
            return;
        }
        exchange.getResponseHeaders().set("Content-Type", "application/octet-stream");
        // length 0: chunked, with no Content-Length
        exchange.sendResponseHeaders(200, file.declared() ? file.size() : 0);
        byte[] chunk = new byte[64 * 1024];
        if (file.bytes() == null) {
            for (int i = 0; i < chunk.length; i += 2) {
                chunk[i] = '\r';
                chunk[i + 1] = '\n';
            }
        }
        try (OutputStream out = exchange.getResponseBody()) {
            for (long at = 0; at < file.size(); ) {
                int n = (int) Math.min(chunk.length, file.size() - at);
                if (file.bytes() != null) {
                    out.write(file.bytes(), (int) at, n);
                } else {
                    out.write(chunk, 0, n);
                }
                at += n;
                synchronized (lock) {
                    fileBytesServed += n;
                }
            }
        }
    }

    /**
     * getFile: the file's path for the download (with file_size when Telegram tells it), "invalid
     * file_id" for a file no user sent, or "file is too big" over {@link #MAX_DOWNLOAD}.
     */
    private Answer getFile(FakeBotApiSpec.Method method, ObjectNode params, long receivedAt) {
        String fileId = params.path("file_id").asText();
        FakeFile content;
        synchronized (lock) {
            content = files.get(fileId);
        }
        if (content == null) {
            return rejected(method, params, receivedAt, "Bad Request: invalid file_id");
        }
        if (content.size() > MAX_DOWNLOAD) {
            // not a broken rule: Telegram's answer for a file over the bots' download limit
            record(new Call(method.name(), params, receivedAt, 400));
            return error(400, "Bad Request: file is too big", null);
        }
        record(new Call(method.name(), params, receivedAt, 200));
        ObjectNode ok = mapper.createObjectNode();
        ok.put("ok", true);
        ObjectNode file = ok.putObject("result");
        file.put("file_id", fileId);
        file.put("file_unique_id", "unique-" + fileId);
        if (content.declared()) {
            file.put("file_size", content.size());
        }
        file.put("file_path", "documents/" + fileId);
        return new Answer(200, ok);
    }

    /** Status and JSON body of the answer to one request. */
    private record Answer(int status, ObjectNode body) {
    }

    private Answer answer(HttpExchange exchange) throws IOException {
        long receivedAt = System.nanoTime();
        byte[] body = exchange.getRequestBody().readAllBytes();
        String path = exchange.getRequestURI().getPath();
        int slash = path.lastIndexOf('/');
        if (!path.startsWith("/bot") || slash < 4) {
            return error(404, "Not Found", null);
        }
        String pathToken = path.substring(4, slash).replaceFirst("/test$", "");
        String methodName = path.substring(slash + 1);
        if (!pathToken.equals(token)) {
            violation(methodName + ": Unauthorized (wrong bot token)");
            return error(401, "Unauthorized", null);
        }
        FakeBotApiSpec.Method method = spec.method(methodName).orElse(null);
        if (method == null) {
            violation(methodName + ": Not Found (no such method in " + spec.version() + ")");
            return error(404, "Not Found: method \"" + methodName + "\" not found", null);
        }
        ObjectNode params;
        try {
            params = parser.parse(method, exchange.getRequestURI().getRawQuery(),
                    exchange.getRequestHeaders().getFirst("Content-Type"), body);
        } catch (IllegalArgumentException e) {
            return rejected(method, mapper.createObjectNode(), receivedAt, "Bad Request: " + e.getMessage());
        }
        String problem = validator.check(method, params);
        if (problem != null) {
            return rejected(method, params, receivedAt, problem);
        }
        if (method.name().equals("getFile")) {
            return getFile(method, params, receivedAt);
        }
        Failure failure;
        synchronized (lock) {
            Deque<Failure> queued = failures.get(method.name().toLowerCase(Locale.ROOT));
            if (method.name().equals("getUpdates") && (queued == null || queued.isEmpty())) {
                updates.confirm(params.path("offset").asLong(0));
            }
            failure = queued == null ? null : queued.poll();
            if (failure == null && limits != null && method.name().equals("sendMessage")
                    && limits.take(params.path("chat_id").asText(), receivedAt) > 0) {
                tooManyRequests++;
                failure = new Failure(429, 1);
            }
            record(new Call(method.name(), params, receivedAt, failure == null ? 200 : failure.httpStatus()));
        }
        if (failure != null && failure.httpStatus() != 200) {
            return error(failure.httpStatus(), describeStatus(failure), failure.retryAfter());
        }
        ObjectNode ok = mapper.createObjectNode();
        ok.put("ok", true);
        ok.set("result", method.name().equals("getUpdates") ? poll(params) : responder.result(method, params));
        if (failure != null && failure.drop()) {
            return new Answer(-1, ok);
        }
        if (failure != null && failure.delayMillis() > 0) {
            holdFor(failure.delayMillis());
        }
        return new Answer(200, ok);
    }

    private Answer rejected(FakeBotApiSpec.Method method, ObjectNode params, long receivedAt, String problem) {
        synchronized (lock) {
            record(new Call(method.name(), params, receivedAt, 400));
            violation(method.name() + ": " + problem);
        }
        return error(400, problem, null);
    }

    private void record(Call call) {
        synchronized (lock) {
            if (keepCalls) {
                calls.add(call);
            }
            lock.notifyAll();
        }
        listeners.forEach(l -> l.accept(call));
    }

    /** Tells {@code listener} about every call as it arrives (on the server's thread). */
    public void onCall(java.util.function.Consumer<Call> listener) {
        listeners.add(listener);
    }

    /** Stops keeping calls in {@link #calls()} (long benchmark runs); listeners still hear them. */
    public void forgetCalls() {
        synchronized (lock) {
            keepCalls = false;
            calls.clear();
        }
    }

    private void violation(String violation) {
        synchronized (lock) {
            violations.add(violation);
        }
    }

    private Answer error(int status, String description, Integer retryAfter) {
        ObjectNode body = mapper.createObjectNode();
        body.put("ok", false);
        body.put("error_code", status);
        body.put("description", description);
        if (retryAfter != null) {
            body.putObject("parameters").put("retry_after", retryAfter);
        }
        return new Answer(status, body);
    }

    private static String describeStatus(Failure failure) {
        return switch (failure.httpStatus()) {
            case 400 -> "Bad Request: injected failure";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden: bot was blocked by the user";
            case 404 -> "Not Found";
            case 409 -> "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running";
            case 429 -> "Too Many Requests: retry after " + (failure.retryAfter() == null ? 1 : failure.retryAfter());
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            default -> "Error " + failure.httpStatus();
        };
    }

    /** Holds an answer like a slow network would; closing the fake releases it. */
    private void holdFor(long millis) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        synchronized (lock) {
            while (!closed && System.nanoTime() < deadline) {
                try {
                    TimeUnit.NANOSECONDS.timedWait(lock, deadline - System.nanoTime());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private void respond(HttpExchange exchange, Answer answer) throws IOException {
        if (answer.status() < 0) {
            // the connection drops after the request was acted on: closed with no answer at all
            return;
        }
        byte[] bytes = mapper.writeValueAsBytes(answer.body());
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(answer.status(), bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private JsonNode poll(ObjectNode params) {
        try {
            return updates.poll(params.path("offset").asLong(0), params.path("limit").asInt(100),
                    params.path("timeout").asLong(0));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while holding getUpdates", e);
        }
    }

    /**
     * Waits on the lock (which the caller holds) until notified, or throws the supplied error when
     * the deadline has passed.
     */
    private void waitUntil(long deadline, Supplier<AssertionError> onTimeout) {
        long remaining = deadline - System.nanoTime();
        if (remaining <= 0) {
            throw onTimeout.get();
        }
        try {
            TimeUnit.NANOSECONDS.timedWait(lock, remaining);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting", e);
        }
    }

    /** The calls for an assertion message; getUpdates polls are only counted, unless asked about. */
    private static String describe(List<Call> calls, String method) {
        boolean showPolls = method.equalsIgnoreCase("getUpdates");
        StringBuilder out = new StringBuilder();
        int polls = 0;
        for (Call call : calls) {
            if (call.method().equals("getUpdates") && !showPolls) {
                polls++;
                continue;
            }
            out.append("\n  ").append(call.method()).append(" [").append(call.httpStatus()).append("] ")
                    .append(call.params());
        }
        if (polls > 0) {
            out.append("\n  (and ").append(polls).append(" getUpdates polls)");
        }
        return out.length() == 0 ? "(none)" : out.toString();
    }

    private static long botIdOf(String token) {
        int colon = token.indexOf(':');
        try {
            return colon > 0 ? Long.parseLong(token.substring(0, colon)) : DEFAULT_BOT_ID;
        } catch (NumberFormatException e) {
            return DEFAULT_BOT_ID;
        }
    }
}
