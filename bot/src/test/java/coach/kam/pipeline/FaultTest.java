package coach.kam.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.kam.conversation.Conversation;
import coach.kam.quarantine.Desk;
import coach.kam.quarantine.Quarantine;
import coach.kam.telegram.FakeBotApi;
import coach.kam.testing.Kept;
import coach.kam.testing.MutableClock;
import coach.kam.testing.TelegramDriver;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults injected into turns, through the real Telegram client and the fake Bot API: a turn that
 * overflows its stack, one that runs out of memory, one with a bug, and a rep whose scheduled turn
 * throws. Everyone else is answered exactly once and the failing work ends in the quarantine.
 */
class FaultTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    @TempDir
    Path dir;

    @AfterEach
    void clearHook() {
        Conversation.faultHook = null;
    }

    private static int depth(int n) {
        return n == Integer.MAX_VALUE ? n : depth(n + 1) + 1;
    }

    /** Real errors, thrown where the turn runs. */
    private static void faults(coach.kam.conversation.Event e) {
        String text = e.text() == null ? "" : e.text();
        if (text.equals("boom stack")) {
            depth(0);
        } else if (text.equals("boom memory")) {
            long[] huge = new long[Integer.MAX_VALUE - 8];
            huge[0] = 1;
        } else if (text.equals("boom bug")) {
            throw new IllegalStateException("a bug in one turn");
        }
    }

    private static List<String> sentTo(FakeBotApi api, long chat) {
        List<String> out = new ArrayList<>();
        for (FakeBotApi.Call c : api.calls("sendMessage")) {
            if (c.ok() && c.params().path("chat_id").asLong() == chat) {
                out.add(c.params().path("text").asText());
            }
        }
        return out;
    }

    @Test
    void poisonInACrowdIsSetAsideAndEveryoneElseIsAnsweredOnce() throws Exception {
        MutableClock clock = MutableClock.at("2026-11-27T02:00:00Z");
        try (TelegramDriver bot = new TelegramDriver(dir, clock, "en", Set.of())) {
            List<Long> reps = new ArrayList<>();
            for (long u = 100; u < 120; u++) {
                reps.add(u);
                bot.type(u, "/lang en");
                bot.type(u, "/new Acme " + u);
            }
            Conversation.faultHook = FaultTest::faults;
            FakeBotApi api = bot.api();
            Map<Long, String> poison = Map.of(7L, "boom stack", 8L, "boom memory", 9L, "boom bug");
            for (long p : poison.keySet()) {
                bot.type(p, "/lang en");
                bot.type(p, "/new Poison " + p);
            }
            Map<Long, Long> notes = new LinkedHashMap<>();
            List<Long> poisonIds = new ArrayList<>();
            List<Long> afterPoison = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                for (long u : reps) {
                    notes.put(api.enqueueText(u, "/note Acme " + u + ": visit " + i, "en"), u);
                }
                if (i == 1) {
                    poison.forEach((chat, text) -> poisonIds.add(api.enqueueText(chat, text, "en")));
                    poison.forEach((chat, text) -> afterPoison.add(api.enqueueText(chat, "/note Poison " + chat + ": after", "en")));
                }
            }
            for (long id : notes.keySet()) {
                assertTrue(bot.runner().awaitHandled(id, WAIT), "note update " + id + " answered");
            }
            for (long id : afterPoison) {
                assertTrue(bot.runner().awaitHandled(id, WAIT), "the poisoned chat goes on: " + id);
            }
            List<String> stored = bot.coach().store().inTransaction(tx -> tx.records(Kept.table("notes"), "")).values().stream()
                    .map(n -> n.path("text").asText()).toList();
            for (long u : reps) {
                List<String> got = sentTo(api, u).stream().filter(t -> t.contains("Saved to")).toList();
                assertEquals(5, got.size(), "one answer per note for " + u + ": " + got);
            }
            for (int i = 0; i < 5; i++) {
                String text = "visit " + i;
                assertEquals(reps.size(), stored.stream().filter(t -> t.equals(text)).count(), "stored once per rep: " + text);
            }
            List<Quarantine.Item> items = bot.coach().store().inTransaction(tx -> Quarantine.list(tx, 10));
            assertEquals(3, items.size(), items.toString());
            Map<Long, String> errors = new LinkedHashMap<>();
            items.forEach(i -> errors.put(i.userId(), i.error()));
            assertTrue(errors.get(7L).startsWith("StackOverflowError"), errors.toString());
            assertTrue(errors.get(8L).startsWith("OutOfMemoryError"), errors.toString());
            assertTrue(errors.get(9L).contains("a bug in one turn"), errors.toString());
            items.forEach(i -> assertEquals(Quarantine.MAX_ATTEMPTS, i.attempts()));
            for (long p : poison.keySet()) {
                List<String> told = sentTo(api, p).stream().filter(t -> t.contains("set aside")).toList();
                assertEquals(1, told.size(), "told once: " + sentTo(api, p));
                assertTrue(sentTo(api, p).stream().anyMatch(t -> t.contains("Saved to")), "the next note is answered");
            }
            assertEquals(List.of(), api.violations());

            // the operator's walk: list, show, then retry once the bug is gone
            QuarantineDesk desk = new QuarantineDesk(bot.coach().store(), bot.runner().bot().pipeline(), null);
            Desk.Answer list = desk.run("list");
            assertTrue(list.ok() && list.text().contains("StackOverflowError"), list.text());
            long bug = items.stream().filter(i -> i.userId() == 9).findFirst().orElseThrow().id();
            assertTrue(desk.run("show " + bug).text().contains("IllegalStateException: a bug in one turn"));
            Conversation.faultHook = null;
            int before = sentTo(api, 9).size();
            assertTrue(desk.run("retry " + bug).ok());
            api.awaitState(() -> sentTo(api, 9).size() > before, WAIT, "the retried update is answered");
            long other = items.stream().filter(i -> i.id() != bug).findFirst().orElseThrow().id();
            assertTrue(desk.run("drop " + other).ok());
            assertEquals(1, bot.coach().store().inTransaction(tx -> Quarantine.list(tx, 10)).size());
            assertTrue(!desk.run("show 999").ok());
        }
    }

    @Test
    void oneRepsFailingCheckinIsSetAsideAndTheOthersGoOut() {
        MutableClock clock = MutableClock.at("2026-11-27T02:00:00Z");
        try (TelegramDriver bot = new TelegramDriver(dir, clock, "en", Set.of())) {
            for (long u = 1; u <= 3; u++) {
                bot.type(u, "/lang en");
                bot.type(u, "/new Acme " + u);
            }
            bot.coach().scheduler().runDue();
            Conversation.faultHook = e -> {
                if (e.userId() == 2 && e.updateId() == null && e.text() == null) {
                    throw new IllegalStateException("rep 2's check-in breaks");
                }
            };
            // Monday 09:00 in every rep's zone has passed
            clock.advance(Duration.between(clock.instant(), Instant.parse("2026-12-01T06:00:00Z")));
            FakeBotApi api = bot.api();
            int[] before = {sentTo(api, 1).size(), sentTo(api, 3).size()};
            for (int run = 1; run <= Quarantine.MAX_ATTEMPTS; run++) {
                bot.coach().scheduler().runDue();
                bot.coach().sendQueue().wake();
                clock.advance(Duration.ofSeconds(15));
            }
            api.awaitState(() -> sentTo(api, 1).size() > before[0] && sentTo(api, 3).size() > before[1]
                    && sentTo(api, 2).stream().anyMatch(t -> t.contains("set aside")), WAIT, "check-ins and the notice");
            assertEquals(before[0] + 1, sentTo(api, 1).size(), "rep 1 gets one check-in: " + sentTo(api, 1));
            assertEquals(before[1] + 1, sentTo(api, 3).size(), "rep 3 gets one check-in");
            List<Quarantine.Item> items = bot.coach().store().inTransaction(tx -> Quarantine.list(tx, 10));
            assertEquals(1, items.size());
            assertEquals(Quarantine.Kind.SCHEDULED, items.get(0).kind());
            assertEquals(2, items.get(0).userId());
            bot.coach().scheduler().runDue();
            assertEquals(1, sentTo(api, 2).stream().filter(t -> t.contains("set aside")).count(), "told once");

            Conversation.faultHook = null;
            int rep2 = sentTo(api, 2).size();
            assertTrue(bot.coach().scheduler().retry(bot.coach().store().inTransaction(
                    tx -> Quarantine.take(tx, items.get(0).id())).orElseThrow()));
            bot.coach().sendQueue().wake();
            api.awaitState(() -> sentTo(api, 2).size() > rep2, WAIT, "the retried check-in goes out");
        }
    }

    /** A store whose commit fails while the transaction holds a turn marked by the fault hook. */
    static final class FailingCommits implements coach.kam.store.Store {
        static final ThreadLocal<Boolean> FAIL = ThreadLocal.withInitial(() -> false);
        private final coach.kam.store.Store store;

        FailingCommits(coach.kam.store.Store store) {
            this.store = store;
        }

        @Override
        public <T> T inTransaction(java.util.function.Function<coach.kam.store.Tx, T> work) {
            FAIL.set(false);
            return store.inTransaction(tx -> {
                T result = work.apply(tx);
                if (FAIL.get()) {
                    FAIL.set(false);
                    throw new IllegalStateException("the commit failed (injected)");
                }
                return result;
            });
        }

        @Override
        public void copyTo(Path file) {
            store.copyTo(file);
        }

        @Override
        public void close() {
            store.close();
        }
    }

    @Test
    void aCommitThatFailsIsFoundAndSetAsideWhileTheOthersCommit() throws Exception {
        MutableClock clock = MutableClock.at("2026-11-27T02:00:00Z");
        FakeBotApi api = FakeBotApi.start(TelegramDriver.TOKEN);
        try (TelegramDriver bot = new TelegramDriver(dir, clock, "en", Set.of(), api,
                url -> coach.kam.telegram.TelegramRunner.Settings.of(TelegramDriver.TOKEN, url, 0),
                d -> coach.kam.KamCoach.assemble(coach.kam.testing.TestCoach.config(d), clock,
                        coach.kam.testing.TestCoach.knowledge(), new FailingCommits(coach.kam.store.MapDbStore.open(d)),
                        coach.kam.retrieval.SearchIndexes.of(coach.kam.testing.TestCoach.indexes()),
                        java.util.Optional.empty()))) {
            for (long u = 1; u <= 10; u++) {
                bot.type(u, "/lang en");
                bot.type(u, "/new Acme " + u);
            }
            Conversation.faultHook = e -> {
                if ("/note Acme 5: poison commit".equals(e.text())) {
                    FailingCommits.FAIL.set(true);
                }
            };
            List<Long> ids = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                for (long u = 1; u <= 10; u++) {
                    ids.add(api.enqueueText(u, "/note Acme " + u + ": " + (u == 5 && i == 1 ? "poison commit" : "n" + i), "en"));
                }
            }
            for (long id : ids) {
                assertTrue(bot.runner().awaitHandled(id, WAIT), "update " + id + " answered");
            }
            List<String> stored = bot.coach().store().inTransaction(tx -> tx.records(Kept.table("notes"), "")).values().stream()
                    .map(n -> n.path("text").asText()).toList();
            for (int i = 0; i < 3; i++) {
                String text = "n" + i;
                long expected = i == 1 ? 9 : 10;
                assertEquals(expected, stored.stream().filter(text::equals).count(), "stored once each: " + text);
            }
            List<Quarantine.Item> items = bot.coach().store().inTransaction(tx -> Quarantine.list(tx, 10));
            assertEquals(1, items.size(), items.toString());
            assertEquals(5, items.get(0).userId());
            assertTrue(items.get(0).error().contains("commit failed"), items.get(0).error());
            assertEquals(1, sentTo(api, 5).stream().filter(t -> t.contains("set aside")).count());
        }
    }
}
