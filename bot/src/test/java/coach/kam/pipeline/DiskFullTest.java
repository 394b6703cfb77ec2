package coach.kam.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.kam.quarantine.Quarantine;
import coach.kam.store.FaultyDisk;
import coach.kam.store.MapDbStore;
import coach.kam.telegram.FakeBotApi;
import coach.kam.testing.Kept;
import coach.kam.testing.MutableClock;
import coach.kam.testing.TelegramDriver;
import coach.kam.testing.TestCoach;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A disk that fills up under a running bot (the real Telegram client, the fake Bot API, a real
 * MapDB file whose writes fail once the disk is full): the bot stays up, the store says why it
 * takes no writes, nothing is set aside, and once the space is back it comes back by itself and
 * every note sent is stored exactly once.
 */
class DiskFullTest {
    private static final Duration WAIT = Duration.ofSeconds(90);
    @TempDir
    Path dir;

    @Test
    void aFullDiskIsAnOutageAndTheBotComesBackByItself() throws Exception {
        MutableClock clock = MutableClock.at("2026-11-27T02:00:00Z");
        FaultyDisk disk = new FaultyDisk(0);
        FakeBotApi api = FakeBotApi.start(TelegramDriver.TOKEN);
        try (TelegramDriver bot = new TelegramDriver(dir, clock, "en", Set.of(), api,
                url -> coach.kam.telegram.TelegramRunner.Settings.of(TelegramDriver.TOKEN, url, 0),
                d -> coach.kam.KamCoach.assemble(TestCoach.config(d), clock, TestCoach.knowledge(),
                        MapDbStore.open(d, clock, disk),
                        coach.kam.retrieval.SearchIndexes.of(TestCoach.indexes()), java.util.Optional.empty()))) {
            for (long u = 1; u <= 3; u++) {
                bot.type(u, "/lang en");
                bot.type(u, "/new Acme " + u);
            }
            List<Long> before = new ArrayList<>();
            for (long u = 1; u <= 3; u++) {
                before.add(api.enqueueText(u, "/note Acme " + u + ": before " + u, "en"));
            }
            for (long id : before) {
                assertTrue(bot.runner().awaitHandled(id, WAIT), "update " + id + " answered");
            }
            disk.fillAfter(3);
            List<Long> during = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                for (long u = 1; u <= 3; u++) {
                    during.add(api.enqueueText(u, "/note Acme " + u + ": during " + u + "-" + i, "en"));
                }
            }
            MapDbStore store = (MapDbStore) bot.coach().store();
            // a second refusal comes from a try to come back, made only once the store stopped taking writes
            assertTrue(disk.awaitRefusals(2, WAIT), "the disk refuses writes");
            assertTrue(store.outage().get().contains("storage full"), store.outage().get());
            assertTrue(disk.full());
            disk.free();
            for (long id : during) {
                assertTrue(bot.runner().awaitHandled(id, WAIT), "update " + id + " answered after the space came back");
            }
            assertFalse(store.outage().isPresent(), "the store takes writes again by itself");
            List<String> notes = store.inTransaction(tx -> tx.records(Kept.table("notes"), "")).values().stream()
                    .map(n -> n.path("text").asText()).toList();
            for (long u = 1; u <= 3; u++) {
                assertEquals(1, notes.stream().filter(("before " + u)::equals).count(), notes.toString());
                for (int i = 0; i < 4; i++) {
                    String t = "during " + u + "-" + i;
                    assertEquals(1, notes.stream().filter(t::equals).count(), "stored once: " + t + " in " + notes);
                }
            }
            assertEquals(List.of(), store.inTransaction(tx -> Quarantine.list(tx, 10)), "nothing set aside");
            assertTrue(disk.failures() > 0, "the disk did refuse writes");
        }
    }

    @Test
    void aRepWhoseMessageCannotBeStoredIsToldAndTheAdminOnce() throws Exception {
        MutableClock clock = MutableClock.at("2026-11-27T02:00:00Z");
        FaultyDisk disk = new FaultyDisk(0);
        FakeBotApi api = FakeBotApi.start(TelegramDriver.TOKEN);
        try (TelegramDriver bot = new TelegramDriver(dir, clock, "en", Set.of(), api,
                url -> coach.kam.telegram.TelegramRunner.Settings.of(TelegramDriver.TOKEN, url, 0),
                d -> coach.kam.KamCoach.assemble(TestCoach.config(d), clock, TestCoach.knowledge(),
                        MapDbStore.open(d, clock, disk),
                        coach.kam.retrieval.SearchIndexes.of(TestCoach.indexes()), java.util.Optional.empty()))) {
            bot.type(1, "/lang en");
            bot.type(1, "/new Acme");
            bot.type(TestCoach.MANAGER, "/lang en");
            disk.fillAfter(0);
            long note = api.enqueueText(1, "/note Acme: the buyer wants a demo", "en");
            api.awaitCall("sendMessage", p -> p.path("chat_id").asLong() == 1
                    && p.path("text").asText().contains("storage is full"), WAIT);
            api.awaitCall("sendMessage", p -> p.path("chat_id").asLong() == TestCoach.MANAGER
                    && p.path("text").asText().contains("stopped saving"), WAIT);
            disk.free();
            assertTrue(bot.runner().awaitHandled(note, WAIT), "the note is kept once the space is back");
            long toldRep = api.calls("sendMessage").stream().filter(c -> c.params().path("chat_id").asLong() == 1
                    && c.params().path("text").asText().contains("storage is full")).count();
            assertEquals(1, toldRep, "told once");
            MapDbStore store = (MapDbStore) bot.coach().store();
            List<String> notes = store.inTransaction(tx -> tx.records(Kept.table("notes"), "")).values().stream()
                    .map(n -> n.path("text").asText()).toList();
            assertEquals(List.of("the buyer wants a demo"), notes);
            assertEquals(List.of(), api.violations());
        }
    }
}
