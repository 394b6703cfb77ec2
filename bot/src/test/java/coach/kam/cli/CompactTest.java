package coach.kam.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.kam.accounts.Account;
import coach.kam.accounts.Accounts;
import coach.kam.accounts.Note;
import coach.kam.store.MapDbStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** After 50 notes are deleted, {@code compact} leaves none of their texts in the store's bytes, and keeps the rest. */
class CompactTest {
    @TempDir
    Path dir;

    @Test
    void deletedNotesAreGoneFromTheFileAfterCompact() throws Exception {
        Path data = dir.resolve("data");
        Accounts accounts = new Accounts();
        try (MapDbStore store = MapDbStore.open(data)) {
            Account a = store.inTransaction(tx -> accounts.create(tx, 5, "Acme", Instant.EPOCH));
            for (int i = 0; i < 100; i++) {
                int n = i;
                store.inTransaction(tx -> {
                    accounts.addNote(tx, a, Note.text(a.id(), "secret-note-" + n + "-xyzzy", Instant.EPOCH));
                    return null;
                });
            }
            List<Note> notes = store.inTransaction(tx -> accounts.notes(tx, a));
            store.inTransaction(tx -> {
                for (Note note : notes) {
                    if (note.text().matches("secret-note-\\d*[02468]-xyzzy")) {
                        accounts.deleteNote(tx, a, note.id());
                    }
                }
                return null;
            });
        }
        assertTrue(count(data, "secret-note-2-xyzzy") > 0, "before compaction the deleted text is in the file");
        assertEquals(0, Main.run(new String[] {"compact", "--data", data.toString()}));
        long deleted = 0;
        for (int i = 0; i < 100; i += 2) {
            deleted += count(data, "secret-note-" + i + "-xyzzy");
        }
        assertEquals(0, deleted, "no deleted text is left in the file");
        assertTrue(count(data, "secret-note-3-xyzzy") > 0, "a kept note is there");
        try (MapDbStore store = MapDbStore.open(data)) {
            assertEquals(50, store.inTransaction(tx -> accounts.notes(tx, accounts.list(tx, 5).get(0))).size());
        }
    }

    @Test
    void aRunningBotCompactsItsStoreWhenAskedAndServesOn() throws Exception {
        Path data = dir.resolve("running");
        Accounts accounts = new Accounts();
        try (MapDbStore store = MapDbStore.open(data)) {
            Account a = store.inTransaction(tx -> accounts.create(tx, 5, "Acme", Instant.EPOCH));
            for (int i = 0; i < 40; i++) {
                int n = i;
                store.inTransaction(tx -> {
                    accounts.addNote(tx, a, Note.text(a.id(), "running-note-" + n + "-xyzzy", Instant.EPOCH));
                    return null;
                });
            }
            List<Note> notes = store.inTransaction(tx -> accounts.notes(tx, a));
            store.inTransaction(tx -> {
                notes.stream().filter(n -> n.text().startsWith("running-note-1"))
                        .forEach(n -> accounts.deleteNote(tx, a, n.id()));
                return null;
            });
            coach.kam.backup.Snapshots bot = new coach.kam.backup.Snapshots(store, data);
            java.util.concurrent.CompletableFuture<Integer> client = java.util.concurrent.CompletableFuture.supplyAsync(
                    () -> Main.run(new String[] {"compact", "--data", data.toString()}));
            int served = 0;
            while (!client.isDone()) {
                served += bot.serve();
                try {
                    client.get(50, java.util.concurrent.TimeUnit.MILLISECONDS);
                } catch (java.util.concurrent.TimeoutException stillWaiting) {
                    // the command waits for the bot's answer: serve again
                }
            }
            assertEquals(0, client.get(), "the command ends well");
            assertEquals(1, served, "one request was answered");
            assertEquals(0, count(data, "running-note-12-xyzzy"), "a deleted text is gone while the bot runs");
            store.inTransaction(tx -> {
                accounts.addNote(tx, a, Note.text(a.id(), "after-compaction", Instant.EPOCH));
                return null;
            });
            assertEquals(40 - 11 + 1, store.inTransaction(tx -> accounts.notes(tx, a)).size());
        }
    }

    /** Occurrences of an ASCII text in the store file, as MapDB packs it (each character with its high bit set). */
    private static long count(Path data, String text) throws Exception {
        String file = new String(Files.readAllBytes(data.resolve("kam-coach.db")), StandardCharsets.ISO_8859_1);
        StringBuilder packed = new StringBuilder();
        for (char c : text.toCharArray()) {
            packed.append((char) (c | 0x80));
        }
        long n = 0;
        for (int at = file.indexOf(packed.toString()); at >= 0; at = file.indexOf(packed.toString(), at + 1)) {
            n++;
        }
        return n;
    }
}
