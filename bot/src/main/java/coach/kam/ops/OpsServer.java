package coach.kam.ops;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operator's HTTP endpoint, on the JDK's own server: {@code GET /healthz}, {@code /readyz}
 * (200 or 503 with the reasons in JSON) and {@code /metrics} (Prometheus text); other paths (the
 * webhook) are added with {@link #route}.
 */
public final class OpsServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OpsServer.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Requests served at once: the checks, a scrape, and Telegram's webhook posts. */
    private static final int THREADS = 8;

    private final HttpServer server;
    private final ExecutorService threads;

    private OpsServer(HttpServer server, ExecutorService threads) {
        this.server = server;
        this.threads = threads;
    }

    /** Listens on {@code host:port} (port 0: any free one) and serves the health checks and the metrics. */
    public static OpsServer start(String host, int port, Health health, BotMetrics metrics) {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(host, port), 64);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + host + ":" + port + " (KAM_HTTP_PORT): " + e.getMessage(), e);
        }
        ExecutorService threads = Executors.newFixedThreadPool(THREADS, r -> {
            Thread t = new Thread(r, "kam-http");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(threads);
        OpsServer ops = new OpsServer(server, threads);
        ops.route("/healthz", get(x -> status(x, health.livenessProblems())));
        ops.route("/readyz", get(x -> status(x, health.readinessProblems())));
        ops.route("/metrics", get(x -> send(x, 200, "text/plain; version=0.0.4; charset=utf-8",
                metrics.scrape().getBytes(StandardCharsets.UTF_8))));
        server.start();
        LOG.info("health and metrics on http://{}:{}/ (healthz, readyz, metrics)", host, ops.port());
        return ops;
    }

    /** Serves {@code path} (and what lies under it) with {@code handler}. */
    public void route(String path, HttpHandler handler) {
        server.createContext(path, x -> {
            try (x) {
                handler.handle(x);
            } catch (IOException | RuntimeException e) {
                LOG.warn("HTTP {} {}: {}", x.getRequestMethod(), x.getRequestURI().getPath(), e.toString());
            }
        });
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Stops accepting at once and gives requests in progress a second. */
    @Override
    public void close() {
        server.stop(1);
        threads.shutdown();
        try {
            threads.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static HttpHandler get(HttpHandler h) {
        return x -> {
            if (!x.getRequestMethod().equals("GET") && !x.getRequestMethod().equals("HEAD")) {
                send(x, 405, "text/plain; charset=utf-8", "GET only\n".getBytes(StandardCharsets.UTF_8));
                return;
            }
            h.handle(x);
        };
    }

    private static void status(HttpExchange x, List<String> problems) throws IOException {
        ObjectNode body = JSON.createObjectNode();
        body.put("status", problems.isEmpty() ? "ok" : "unavailable");
        body.putPOJO("reasons", problems);
        send(x, problems.isEmpty() ? 200 : 503, "application/json; charset=utf-8", JSON.writeValueAsBytes(body));
    }

    /** Answers with {@code status} and {@code body}. */
    public static void send(HttpExchange x, int status, String type, byte[] body) throws IOException {
        x.getResponseHeaders().set("Content-Type", type);
        x.getResponseHeaders().set("Cache-Control", "no-store");
        boolean head = x.getRequestMethod().equals("HEAD");
        x.sendResponseHeaders(status, head || body.length == 0 ? -1 : body.length);
        if (!head && body.length > 0) {
            try (OutputStream out = x.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
