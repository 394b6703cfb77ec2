package coach.kam.bench;

import coach.kam.testing.Kept;
import coach.kam.conversation.Conversation;
import coach.kam.quarantine.Quarantine;
import coach.kam.telegram.FakeBotApi;
import coach.kam.testing.MutableClock;
import coach.kam.testing.TelegramDriver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Poison in a crowd, in one run: 50 chats write notes, each waiting for its reply, first alone,
 * then while one chat pastes "ok " x 1,000 with an account open and another sends a note whose turn
 * throws OutOfMemoryError on every attempt (a test hook). Prints the others' updates/s, p50 and p99 side by side, what
 * was set aside, and whether every note was stored once. Asserts nothing about time.
 */
@Tag("bench")
class PoisonCrowdBenchmark {
    private static final int CHATS = 50;
    private static final int NOTES = 10;

    @AfterEach
    void clear() {
        Conversation.faultHook = null;
    }

    private record Run(double seconds, double p50, double p99, int stored, int setAside) {
    }

    @Test
    void run() throws Exception {
        Run calm = crowd(false);
        Run poisoned = crowd(true);
        System.out.println();
        System.out.printf("poison in a crowd: %d chats x %d notes, each waiting for its reply%n", CHATS, NOTES);
        System.out.printf("  %-26s %8s %8s %8s %8s %10s%n", "", "notes/s", "p50 ms", "p99 ms", "stored", "set aside");
        for (var e : List.of(Map.entry("calm", calm), Map.entry("with two poisoned chats", poisoned))) {
            Run r = e.getValue();
            System.out.printf("  %-26s %8.0f %8.1f %8.1f %8d %10d%n", e.getKey(), CHATS * NOTES / r.seconds(), r.p50(),
                    r.p99(), r.stored(), r.setAside());
        }
        System.out.printf("  p99 ratio poisoned/calm: %.2f%n", poisoned.p99() / calm.p99());
    }

    private Run crowd(boolean poison) throws Exception {
        Path dir = Files.createTempDirectory("kam-poison");
        MutableClock clock = MutableClock.at("2026-11-27T02:00:00Z");
        try (TelegramDriver bot = new TelegramDriver(dir, clock, "en", Set.of())) {
            FakeBotApi api = bot.api();
            for (long u = 1; u <= CHATS + 2; u++) {
                bot.type(u, "/lang en");
                bot.type(u, "/new Crowd " + u);
            }
            if (poison) {
                Conversation.faultHook = e -> {
                    if (e.userId() == CHATS + 2 && e.text() != null && e.text().startsWith("/note")) {
                        long[] huge = new long[Integer.MAX_VALUE - 8];
                        huge[0] = 1;
                    }
                };
            }
            List<Long> latencies = new ArrayList<>();
            long started = System.nanoTime();
            List<Thread> threads = new ArrayList<>();
            for (long u = 1; u <= CHATS; u++) {
                long user = u;
                Thread t = new Thread(() -> {
                    for (int i = 0; i < NOTES; i++) {
                        long sent = System.nanoTime();
                        long id = api.enqueueText(user, "/note Crowd " + user + ": note " + i, "en");
                        try {
                            if (bot.runner().awaitHandled(id, Duration.ofSeconds(60))) {
                                synchronized (latencies) {
                                    latencies.add(System.nanoTime() - sent);
                                }
                            }
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                });
                threads.add(t);
                t.start();
            }
            if (poison) {
                api.enqueueText(CHATS + 1, "ok ".repeat(1_000), "en");
                api.enqueueText(CHATS + 2, "/note Crowd " + (CHATS + 2) + ": boom", "en");
            }
            for (Thread t : threads) {
                t.join();
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            latencies.sort(Long::compare);
            Map<String, Integer> texts = new HashMap<>();
            bot.coach().store().inTransaction(tx -> tx.records(Kept.table("notes"), "")).values()
                    .forEach(n -> texts.merge(n.path("text").asText(), 1, Integer::sum));
            int stored = 0;
            for (int i = 0; i < NOTES; i++) {
                stored += texts.getOrDefault("note " + i, 0);
            }
            int setAside = bot.coach().store().inTransaction(tx -> Quarantine.list(tx, 1_000)).size();
            return new Run(seconds, pct(latencies, 0.50), pct(latencies, 0.99), stored, setAside);
        }
    }

    private static double pct(List<Long> sorted, double p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1)) / 1e6;
    }
}
