package coach.kam.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import coach.kam.accounts.Account;
import coach.kam.accounts.Accounts;
import coach.kam.accounts.Note;
import coach.kam.retrieval.EmbeddingCache;
import coach.kam.testing.ChildConsole;
import coach.kam.testing.Kept;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a console child JVM (SIGKILL) while it is saving notes, three times on the same data
 * folder, and checks after each kill that every acknowledged note is in the store exactly once
 * and nothing else is.
 */
class CrashTest {
    private static final long USER = 7;
    private static final String ACCOUNT = "Crash Test Co";
    private static final int STEADY_NOTES = 60;
    private static final int BURST = 12;
    private static final Duration LONG_CYCLE = Duration.ofSeconds(30);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);
    private static final Duration REPLY_TIMEOUT = Duration.ofSeconds(60);
    private static final Table<EmbeddingCache.Vector> EMBEDDINGS = Kept.table("embeddings", EmbeddingCache.Vector.class);
    private static final Predicate<String> ACK = line -> line.contains("Saved to " + ACCOUNT);

    @TempDir
    Path work;

    /** What one child was sent and what it acknowledged before it died. */
    private record Cycle(int number, List<String> sent, int acknowledged) {
    }

    @Test
    @Timeout(value = 15, unit = TimeUnit.MINUTES)
    void acknowledgedNotesSurviveKillsExactlyOnce() throws Exception {
        Path data = work.resolve("data");
        List<Cycle> cycles = new ArrayList<>();
        int counter = 0;
        for (int number = 1; number <= 3; number++) {
            List<String> sent = new ArrayList<>();
            int acknowledged = 0;
            try (ChildConsole child = ChildConsole.console(data, USER, work.resolve("stderr-" + number + ".txt"))) {
                if (number == 1) {
                    child.send("/new " + ACCOUNT);
                    child.await(l -> l.contains("Added " + ACCOUNT), START_TIMEOUT, "the account to be created");
                } else {
                    child.send("/account " + ACCOUNT);
                    child.await(l -> l.startsWith("Account open:"), START_TIMEOUT, "the account card");
                }
                // one at a time: the next note goes as soon as the previous one is acknowledged. The
                // second child keeps going long enough for its background index build to write the
                // embedding cache between the notes.
                long until = System.nanoTime() + (number == 2 ? LONG_CYCLE.toNanos() : 0);
                for (int i = 0; i < STEADY_NOTES || System.nanoTime() < until; i++) {
                    String note = "note " + (++counter);
                    assertTrue(child.send(note), "the child is gone before " + note);
                    sent.add(note);
                    child.await(ACK, REPLY_TIMEOUT, "the acknowledgement of " + note);
                    acknowledged++;
                }
                // then a burst nobody waits for, and the kill lands somewhere in it
                for (int i = 0; i < BURST; i++) {
                    String note = "note " + (++counter);
                    child.send(note);
                    sent.add(note);
                }
                int waitFor = switch (number) {
                    case 1 -> 1;    // kill just after the first burst note was acknowledged
                    case 2 -> 0;    // kill right after writing the burst
                    default -> 5;   // kill in the middle of the burst
                };
                for (int i = 0; i < waitFor; i++) {
                    child.await(ACK, REPLY_TIMEOUT, "acknowledgement " + (i + 1) + " of the burst");
                    acknowledged++;
                }
                assertTrue(child.isAlive(), "the child must still be running when it is killed");
                child.kill();
                // acknowledgements printed before the kill still count: each was sent after its commit
                acknowledged += (int) child.rest(Duration.ofSeconds(30)).stream().filter(ACK).count();
                reportErrors(number, child.stderrText());
            }
            Cycle cycle = new Cycle(number, List.copyOf(sent), acknowledged);
            cycles.add(cycle);
            verify(data, cycles);
        }
    }

    private static final int CHATS = 8;
    private static final int NOTES_PER_CYCLE = 12;
    private static final int KILLS = 3;

    /**
     * Telegram mode in a child JVM, many chats writing, killed (SIGKILL) three times at random
     * points, then run until everything is answered: every note is stored exactly once, every chat
     * got a reply for every note, and a reply is sent twice only if the kill fell between
     * Telegram's acceptance and the removal from the send queue.
     */
    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void manyTelegramChatsLoseAndDuplicateNothingAcrossKills() throws Exception {
        Path data = work.resolve("telegram-data");
        java.util.Random random = new java.util.Random(20261129L);
        Map<Long, List<String>> sent = new HashMap<>();
        try (coach.kam.telegram.FakeBotApi api = coach.kam.telegram.FakeBotApi.start(coach.kam.testing.TelegramDriver.TOKEN)) {
            Map<String, String> env = Map.of("TELEGRAM_BOT_TOKEN", coach.kam.testing.TelegramDriver.TOKEN,
                    "KAM_TELEGRAM_API_URL", api.baseUrl(), "KAM_OPEN_ACCESS", "true", "KAM_SEND_RATE", "0");
            for (long chat = 1; chat <= CHATS; chat++) {
                api.enqueueText(chat, "/new Crash Chat " + chat);
                sent.put(chat, new ArrayList<>());
            }
            int counter = 0;
            for (int cycle = 1; cycle <= KILLS + 1; cycle++) {
                try (ChildConsole child = ChildConsole.start(work.resolve("tg-stderr-" + cycle + ".txt"), env,
                        "telegram", "--data", data.toString())) {
                    if (cycle <= KILLS) {
                        int before = saved(api);
                        for (int n = 0; n < NOTES_PER_CYCLE; n++) {
                            for (long chat = 1; chat <= CHATS; chat++) {
                                String note = "tg note " + (++counter);
                                api.enqueueText(chat, note);
                                sent.get(chat).add(note);
                            }
                        }
                        // kill somewhere in the middle of handling and sending
                        int killAfter = 1 + random.nextInt(CHATS * NOTES_PER_CYCLE / 2);
                        awaitSaved(api, before + killAfter);
                        child.kill();
                        reportErrors(cycle, child.stderrText());
                    } else {
                        api.awaitState(() -> {
                            for (long chat = 1; chat <= CHATS; chat++) {
                                if (savedIn(api, chat) < sent.get(chat).size()) {
                                    return false;
                                }
                            }
                            return true;
                        }, START_TIMEOUT, "a reply for every note in every chat");
                        api.awaitState(() -> api.pendingUpdates() == 0, START_TIMEOUT, "every update confirmed");
                        child.terminate();
                        child.waitFor(Duration.ofSeconds(60));
                        reportErrors(cycle, child.stderrText());
                    }
                }
            }
            int repliesSent = saved(api);
            int total = sent.values().stream().mapToInt(List::size).sum();
            System.out.printf("CrashTest telegram: %d chats, %d notes, %d kills; %d replies accepted (%d sent again after a kill)%n",
                    CHATS, total, KILLS, repliesSent, repliesSent - total);
            for (long chat = 1; chat <= CHATS; chat++) {
                long got = savedIn(api, chat);
                assertTrue(got >= sent.get(chat).size(), "chat " + chat + " got a reply for every note: " + got);
            }
            assertTrue(repliesSent - total <= KILLS * CHATS * 4,
                    "replies are sent again only when a kill fell between acceptance and removal: " + (repliesSent - total));
            assertEquals(List.of(), api.violations());
        }
        Accounts accounts = new Accounts();
        try (MapDbStore store = MapDbStore.open(data)) {
            store.inTransaction(tx -> {
                for (long chat = 1; chat <= CHATS; chat++) {
                    List<Account> list = accounts.list(tx, chat);
                    assertEquals(1, list.size(), "one account for chat " + chat + ": " + list);
                    List<String> texts = accounts.notes(tx, list.get(0)).stream().map(Note::text).toList();
                    List<String> oldestFirst = new ArrayList<>(texts);
                    Collections.reverse(oldestFirst);
                    assertEquals(sent.get(chat), oldestFirst, "chat " + chat + ": every note once, in order");
                }
                return null;
            });
        }
    }

    private static int saved(coach.kam.telegram.FakeBotApi api) {
        return (int) api.calls("sendMessage").stream()
                .filter(c -> c.ok() && c.params().path("text").asText().contains("Saved to")).count();
    }

    private static long savedIn(coach.kam.telegram.FakeBotApi api, long chat) {
        return api.calls("sendMessage").stream().filter(x -> x.ok() && x.params().path("chat_id").asLong() == chat
                && x.params().path("text").asText().contains("Saved to")).count();
    }

    private static void awaitSaved(coach.kam.telegram.FakeBotApi api, int count) {
        api.awaitState(() -> saved(api) >= count, START_TIMEOUT, count + " accepted replies");
    }

    /** Opens the store as the bot left it and checks every cycle so far. */
    private static void verify(Path data, List<Cycle> cycles) {
        Accounts accounts = new Accounts();
        List<Note> notes;
        int vectors;
        try (MapDbStore store = MapDbStore.open(data)) {
            // the search index the child was building in the background when it was killed: still readable
            vectors = store.inTransaction(tx -> tx.withPrefix(EMBEDDINGS, "")).size();
            notes = store.inTransaction(tx -> {
                List<Account> list = accounts.list(tx, USER);
                assertEquals(1, list.size(), "exactly one account: " + list);
                assertEquals(ACCOUNT, list.get(0).name());
                List<Note> all = accounts.notes(tx, list.get(0));
                all.forEach(n -> assertEquals(list.get(0).id(), n.accountId(), "note on its account: " + n));
                return all;
            });
        }
        List<String> texts = notes.stream().map(Note::text).toList();
        Set<String> distinct = new HashSet<>(texts);
        assertEquals(texts.size(), distinct.size(), "duplicated notes: " + duplicates(texts));
        assertEquals(notes.size(), notes.stream().map(Note::id).distinct().count(), "duplicated note ids");

        Map<String, Integer> cycleOf = new HashMap<>();
        List<String> sentInOrder = new ArrayList<>();
        for (Cycle c : cycles) {
            c.sent().forEach(t -> cycleOf.put(t, c.number()));
            sentInOrder.addAll(c.sent());
        }
        for (String t : texts) {
            if (!cycleOf.containsKey(t)) {
                fail("a note that was never sent is in the store: " + t);
            }
        }
        for (Note n : notes) {
            assertEquals(Note.Kind.NOTE, n.kind(), n.toString());
        }

        for (Cycle c : cycles) {
            // the console handles lines one after another, so what a cycle stored is a prefix of what it sent
            int found = (int) c.sent().stream().filter(distinct::contains).count();
            assertEquals(c.sent().subList(0, found), c.sent().stream().filter(distinct::contains).toList(),
                    "cycle " + c.number() + " stored a gap: " + c.sent().stream().filter(t -> !distinct.contains(t)).toList());
            List<String> lost = c.sent().subList(0, c.acknowledged()).stream().filter(t -> !distinct.contains(t)).toList();
            assertEquals(List.of(), lost, "cycle " + c.number() + ": acknowledged notes missing after the kill");
            System.out.printf("CrashTest cycle %d: sent %d, acknowledged %d, found %d (store now holds %d notes, %d cached vectors)%n",
                    c.number(), c.sent().size(), c.acknowledged(), found, notes.size(), vectors);
        }

        // note ids follow the order the notes were sent in: no sequence number was handed out twice
        List<String> byId = notes.stream().sorted(Comparator.comparingLong(Note::id)).map(Note::text).toList();
        assertEquals(sentInOrder.stream().filter(distinct::contains).toList(), byId, "note ids out of sending order");
    }

    private static List<String> duplicates(List<String> texts) {
        Set<String> seen = new HashSet<>();
        return texts.stream().filter(t -> !seen.add(t)).toList();
    }

    private static void reportErrors(int cycle, String stderr) {
        stderr.lines().filter(l -> l.contains("ERROR") || l.contains("Exception"))
                .limit(5).forEach(l -> System.out.println("CrashTest cycle " + cycle + " child stderr: " + l));
    }
}
