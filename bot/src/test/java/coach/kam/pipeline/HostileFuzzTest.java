package coach.kam.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.kam.quarantine.Quarantine;
import coach.kam.telegram.FakeBotApi;
import coach.kam.testing.MutableClock;
import coach.kam.testing.TelegramDriver;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile updates through the real client and the fake Bot API, from 50 chats that each have an
 * account open: texts of 300-1,365 repetitions of short patterns, 4,096-character pastes, odd
 * characters, forged button data, inline queries. Nothing may crash a turn (the quarantine stays
 * empty), every update is answered, and a new user's /help is answered afterwards. The number of
 * updates is {@code -Dkam.fuzz.updates} (500 by default).
 */
class HostileFuzzTest {
    private static final int CHATS = 50;
    private static final String[] PATTERNS = {"ok ", "哈", "(", "价格太贵 ", "a,", "1 ", "提醒我", "明天 ", "((((", "\u200b"};
    @TempDir
    Path dir;

    static String text(Random r) {
        return switch (r.nextInt(6)) {
            case 0, 1 -> PATTERNS[r.nextInt(PATTERNS.length)].repeat(300 + r.nextInt(1_066));
            case 2 -> {
                StringBuilder b = new StringBuilder();
                while (b.length() < 4_096) {
                    b.append(PATTERNS[r.nextInt(PATTERNS.length)]);
                }
                yield b.substring(0, 4_096);
            }
            case 3 -> {
                StringBuilder b = new StringBuilder();
                int n = 1 + r.nextInt(400);
                for (int i = 0; i < n; i++) {
                    int cp = switch (r.nextInt(4)) {
                        case 0 -> 0x20 + r.nextInt(0x5f);
                        case 1 -> 0x4e00 + r.nextInt(0x5000);
                        case 2 -> 0x1f300 + r.nextInt(0x300);
                        default -> 0x2000 + r.nextInt(0x70);
                    };
                    b.appendCodePoint(cp);
                }
                yield b.toString();
            }
            case 4 -> "/" + List.of("note", "o", "ask", "remind", "account", "deal", "xyz", "plan", "brief").get(r.nextInt(9))
                    + " " + "<b>&amp;".repeat(r.nextInt(200));
            default -> "<script>alert(1)</script> 太贵了 " + "ok ".repeat(r.nextInt(1_365));
        };
    }

    static String forgedData(Random r) {
        String[] prefixes = {"d:", "ckt:", "pl", "acc:", "o:", "x", "d:1:2:", "ckt:999:"};
        StringBuilder b = new StringBuilder(prefixes[r.nextInt(prefixes.length)]);
        int n = r.nextInt(40);
        for (int i = 0; i < n; i++) {
            b.append((char) (0x21 + r.nextInt(0x5d)));
        }
        return b.toString();
    }

    @Test
    void hostileUpdatesCrashNothingAndEveryoneIsAnswered() throws Exception {
        int total = Integer.getInteger("kam.fuzz.updates", 500);
        MutableClock clock = MutableClock.at("2026-11-27T02:00:00Z");
        try (TelegramDriver bot = new TelegramDriver(dir, clock, "en", Set.of())) {
            FakeBotApi api = bot.api();
            for (long u = 1_000; u < 1_000 + CHATS; u++) {
                bot.type(u, "/lang en");
                bot.type(u, "/new Fuzz " + u);
            }
            int repliesBefore = api.calls("sendMessage").size();
            Random r = new Random(16);
            Map<Long, String> kinds = new HashMap<>();
            List<Long> ids = new ArrayList<>();
            long started = System.nanoTime();
            for (int i = 0; i < total; i++) {
                long user = 1_000 + r.nextInt(CHATS);
                int k = r.nextInt(10);
                long id;
                if (k < 7) {
                    id = api.enqueueText(user, text(r), r.nextBoolean() ? "en" : "zh-hans");
                    kinds.put(id, "text");
                } else if (k < 9) {
                    id = api.enqueueCallback(user, forgedData(r), 1 + r.nextInt(50));
                    kinds.put(id, "callback");
                } else {
                    String q = text(r);
                    id = api.enqueueInlineQuery(user, q.substring(0, q.offsetByCodePoints(0, Math.min(200, q.codePointCount(0, q.length())))));
                    kinds.put(id, "inline");
                }
                ids.add(id);
            }
            int late = 0;
            for (long id : ids) {
                if (!bot.runner().awaitHandled(id, Duration.ofSeconds(60))) {
                    late++;
                }
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            List<Quarantine.Item> crashed = bot.coach().store().inTransaction(tx -> Quarantine.list(tx, 20));
            System.out.printf("hostile fuzz: %d updates from %d chats in %.1f s (%.0f/s); %d without an answer; "
                    + "%d set aside; %d Bot API violations%n", total, CHATS, seconds, total / seconds, late,
                    crashed.size(), api.violations().size());
            assertEquals(0, late, "updates left without their answer");
            long texts = kinds.values().stream().filter("text"::equals).count();
            assertTrue(api.calls("sendMessage").size() - repliesBefore >= texts, "every message is answered");
            assertEquals(List.of(), crashed, "turns that crashed");
            assertEquals(List.of(), api.violations());
            assertTrue(api.calls("answerCallbackQuery").size() >= kinds.values().stream().filter("callback"::equals).count(),
                    "every button press is answered");
            assertTrue(api.calls("answerInlineQuery").size() >= kinds.values().stream().filter("inline"::equals).count(),
                    "every inline query is answered");
            assertTrue(bot.type(77_777, "/help").stream().anyMatch(s -> s.text().contains("/note")),
                    "a new user's /help is answered afterwards");
        }
    }

    /**
     * The same through a child JVM in Telegram mode, killed (SIGKILL) in the middle and started
     * again: every message still gets its answer, nothing is set aside, and a new user's /help is
     * answered afterwards.
     */
    @Test
    void afterAKillInTheMiddleEveryoneIsStillAnswered() throws Exception {
        int total = Integer.getInteger("kam.fuzz.killed", 300);
        Path data = dir.resolve("data");
        try (FakeBotApi api = FakeBotApi.start(TelegramDriver.TOKEN)) {
            java.util.Map<String, String> env = Map.of("TELEGRAM_BOT_TOKEN", TelegramDriver.TOKEN,
                    "KAM_TELEGRAM_API_URL", api.baseUrl(), "KAM_OPEN_ACCESS", "true", "KAM_SEND_RATE", "0",
                    "KAM_BACKUP_TIME", "off");
            String[] args = {"telegram", "--data", data.toString()};
            Map<Long, Integer> texts = new HashMap<>();
            try (coach.kam.testing.ChildConsole first = coach.kam.testing.ChildConsole.start(dir.resolve("err-1.txt"),
                    env, args)) {
                for (long u = 1_000; u < 1_000 + CHATS; u++) {
                    api.enqueueText(u, "/new Fuzz " + u);
                }
                api.awaitState(() -> api.calls("sendMessage").size() >= CHATS, Duration.ofSeconds(120), "accounts");
                Random r = new Random(17);
                for (int i = 0; i < total; i++) {
                    long user = 1_000 + r.nextInt(CHATS);
                    if (r.nextInt(10) < 8) {
                        api.enqueueText(user, text(r), r.nextBoolean() ? "en" : "zh-hans");
                        texts.merge(user, 1, Integer::sum);
                    } else {
                        api.enqueueCallback(user, forgedData(r), 1 + r.nextInt(50));
                    }
                }
                int before = api.calls("sendMessage").size();
                api.awaitState(() -> api.calls("sendMessage").size() >= before + total / 4, Duration.ofSeconds(300),
                        "a quarter answered before the kill");
                first.kill();
            }
            try (coach.kam.testing.ChildConsole second = coach.kam.testing.ChildConsole.start(dir.resolve("err-2.txt"),
                    env, args)) {
                api.awaitState(() -> texts.entrySet().stream().allMatch(e -> sentTo(api, e.getKey()) >= e.getValue() + 1),
                        Duration.ofSeconds(600), "every message answered (and the account's own reply)");
                api.enqueueText(77_777, "/help");
                api.awaitState(() -> sentTo(api, 77_777) >= 1, Duration.ofSeconds(60), "a new user's /help");
                second.terminate();
                second.waitFor(Duration.ofSeconds(60));
            }
            assertEquals(List.of(), api.violations());
            try (coach.kam.store.MapDbStore store = coach.kam.store.MapDbStore.open(data)) {
                assertEquals(List.of(), store.inTransaction(tx -> Quarantine.list(tx, 20)), "turns that crashed");
            }
        }
    }

    private static long sentTo(FakeBotApi api, long chat) {
        return api.calls("sendMessage").stream().filter(c -> c.ok() && c.params().path("chat_id").asLong() == chat).count();
    }
}
