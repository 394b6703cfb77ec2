package coach.kam.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.kam.pipeline.Pipeline;
import coach.kam.pipeline.TurnHandler;
import coach.kam.store.MapDbStore;
import coach.kam.testing.MutableClock;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The health endpoint over a real pipeline and store: a handler that stalls turns /healthz to 503
 * with the reason and back to 200 once it moves; /metrics is Prometheus text whose counters are
 * the run's own numbers.
 */
class HealthEndpointTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** Update 2 blocks until released; update 3 always fails; the others are handled at once. */
    private static final class Handler implements TurnHandler {
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        @Override
        public Step handle(coach.kam.store.Tx tx, coach.kam.pipeline.Pending pending) {
            int id = pending.entry().updateId();
            if (id == 2) {
                entered.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (id == 3) {
                throw new IllegalStateException("a bug in this turn");
            }
            return Step.done(pending.entry().chatKey());
        }

        @Override
        public void quarantined(coach.kam.store.Tx tx, coach.kam.pipeline.Pending pending,
                                coach.kam.quarantine.Quarantine.Item item) {
        }
    }

    @Test
    void aStalledHandlerIsUnhealthyWithTheReasonUntilItMovesAgain(@TempDir Path dir) throws Exception {
        MutableClock clock = MutableClock.at("2026-03-02T08:00:00Z");
        Handler handler = new Handler();
        try (MapDbStore store = MapDbStore.open(dir);
             BotMetrics metrics = new BotMetrics()) {
            Pipeline pipeline = new Pipeline(store, (tx, chat, replies) -> { }, handler, clock, null).start()
                    .instrument(metrics.registry());
            Health health = BotHealth.pipeline(new Health(), pipeline, clock);
            try (OpsServer server = OpsServer.start("127.0.0.1", 0, health, metrics)) {
                receive(pipeline, 1, 100);
                assertTrue(pipeline.awaitHandled(1, Duration.ofSeconds(30)));
                assertEquals(200, get(server, "/healthz").statusCode());

                receive(pipeline, 2, 200);
                assertTrue(handler.entered.await(30, TimeUnit.SECONDS), "the turn of update 2 started");
                assertEquals(200, get(server, "/healthz").statusCode(), "a turn just begun is no stall");
                clock.advance(Duration.ofSeconds(90));
                HttpResponse<String> stalled = get(server, "/healthz");
                assertEquals(503, stalled.statusCode(), stalled.body());
                assertTrue(stalled.body().contains("\"status\":\"unavailable\"")
                        && stalled.body().contains("handler progress: the handler has shown no progress for 90 s"
                        + " (limit 60 s)"), stalled.body());
                clock.advance(Duration.ofMinutes(5));
                String both = get(server, "/healthz").body();
                assertTrue(both.contains("inbox: the oldest update in the inbox is 390 s old (limit 300 s)"), both);

                handler.release.countDown();
                assertTrue(pipeline.awaitHandled(2, Duration.ofSeconds(30)));
                HttpResponse<String> again = get(server, "/healthz");
                assertEquals(200, again.statusCode(), again.body());
                assertEquals("{\"status\":\"ok\",\"reasons\":[]}", again.body());

                receive(pipeline, 3, 300);
                receive(pipeline, 4, 100);
                assertTrue(pipeline.awaitHandled(3, Duration.ofSeconds(30)), "update 3 was set aside");
                assertTrue(pipeline.awaitHandled(4, Duration.ofSeconds(30)));

                HttpResponse<String> scrape = get(server, "/metrics");
                assertEquals(200, scrape.statusCode());
                assertTrue(scrape.headers().firstValue("Content-Type").orElse("").startsWith("text/plain; version=0.0.4"));
                Map<String, Double> m = PrometheusText.parse(scrape.body());
                assertEquals(4.0, m.get("kam_updates_received_total"), scrape.body());
                assertEquals(3.0, m.get("kam_updates_handled_total"));
                assertEquals(3.0, m.get("kam_updates_failed_total"), "three attempts at update 3");
                assertEquals(1.0, m.get("kam_updates_quarantined_total"));
                assertEquals(6.0, m.get("kam_turn_seconds_count"), "three good turns and three failed ones");
                assertEquals(6.0, m.get("kam_turn_seconds_bucket{le=\"+Inf\"}"));
                assertEquals(0.0, m.get("kam_inbox_depth"));
                assertTrue(m.get("jvm_memory_used_bytes{area=\"heap\",id=\"Tenured Gen\"}") != null
                        || m.keySet().stream().anyMatch(k -> k.startsWith("jvm_memory_used_bytes{area=\"heap\"")));
                assertTrue(m.keySet().stream().anyMatch(k -> k.startsWith("jvm_gc_")), "GC meters");
            } finally {
                handler.release.countDown();
                pipeline.close();
            }
        }
    }

    @Test
    void readinessWaitsForEveryCheckAndNamesWhatIsMissing(@TempDir Path dir) throws Exception {
        boolean[] indexReady = {false};
        Health health = new Health()
                .ready("search index", () -> indexReady[0] ? java.util.Optional.empty()
                        : java.util.Optional.of("the search index is being built"));
        try (BotMetrics metrics = new BotMetrics();
             OpsServer server = OpsServer.start("127.0.0.1", 0, health, metrics)) {
            HttpResponse<String> waiting = get(server, "/readyz");
            assertEquals(503, waiting.statusCode());
            assertTrue(waiting.body().contains("search index: the search index is being built"), waiting.body());
            assertEquals(200, get(server, "/healthz").statusCode(), "building the index is no liveness problem");
            indexReady[0] = true;
            assertEquals(200, get(server, "/readyz").statusCode());
            health.ready("store", () -> java.util.Optional.of("a write failed: disk full"));
            assertTrue(get(server, "/readyz").body().contains("store: a write failed: disk full"));
            assertEquals(405, HTTP.send(HttpRequest.newBuilder(URI.create(base(server) + "/healthz"))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString()).statusCode());
        }
    }

    @Test
    void prometheusTextReaderRefusesWhatIsNotPrometheusText() {
        assertThrows(AssertionError.class, () -> PrometheusText.parse("kam_x 1\n"), "sample before its TYPE");
        assertThrows(AssertionError.class, () -> PrometheusText.parse("# TYPE kam_x gauge\nkam_x one\n"));
        assertThrows(AssertionError.class, () -> PrometheusText.parse("# TYPE kam_x gauge\nkam_x{a=b} 1\n"));
        assertEquals(Map.of("kam_x{a=\"b\"}", 1.5), PrometheusText.parse("# TYPE kam_x gauge\nkam_x{a=\"b\"} 1.5\n"));
    }

    private static void receive(Pipeline pipeline, int updateId, long chat) {
        pipeline.receive(List.of(new Pipeline.Incoming(updateId, chat, "{\"update_id\":" + updateId + "}", null)));
    }

    private static String base(OpsServer server) {
        return "http://127.0.0.1:" + server.port();
    }

    private static HttpResponse<String> get(OpsServer server, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base(server) + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
