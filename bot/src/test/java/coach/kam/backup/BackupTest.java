package coach.kam.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.kam.accounts.Account;
import coach.kam.accounts.Accounts;
import coach.kam.accounts.Note;
import coach.kam.store.MapDbStore;
import coach.kam.store.StoreException;
import coach.kam.store.Table;
import coach.kam.testing.MutableClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackupTest {
    /** How many notes the writer had committed, written in the same transaction as each note. */
    public record Count(int notes) {
    }

    private static final Table<Count> COUNTS = Table.operational("test-note-counts", Count.class);

    @TempDir
    Path dir;

    @Test
    void keepsTheLastSevenDaysAndTheLastFourWeeks() {
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate d = LocalDate.of(2026, 1, 1); !d.isAfter(LocalDate.of(2026, 3, 1)); d = d.plusDays(1)) {
            days.add(d);
        }
        Set<LocalDate> kept = Backups.kept(days);
        // 2026-03-01 is a Sunday: the last 7 days are Feb 23 - Mar 1 (one ISO week), plus the newest of 3 weeks before
        assertEquals(Set.of(LocalDate.of(2026, 2, 23), LocalDate.of(2026, 2, 24), LocalDate.of(2026, 2, 25),
                LocalDate.of(2026, 2, 26), LocalDate.of(2026, 2, 27), LocalDate.of(2026, 2, 28), LocalDate.of(2026, 3, 1),
                LocalDate.of(2026, 2, 22), LocalDate.of(2026, 2, 15), LocalDate.of(2026, 2, 8)), kept);
        assertEquals(Set.of(LocalDate.of(2026, 1, 1)), Backups.kept(List.of(LocalDate.of(2026, 1, 1))));
    }

    @Test
    void theDailyCopyIsMadeOnceAtItsTimeAndOldOnesArePruned() throws Exception {
        MutableClock clock = MutableClock.at("2026-03-02T02:30:00Z");
        try (MapDbStore store = MapDbStore.open(dir)) {
            Backups backups = new Backups(store, dir, Optional.of(LocalTime.of(3, 0)), clock.withZone(java.time.ZoneOffset.UTC));
            Files.createDirectories(backups.folder());
            for (int i = 1; i <= 20; i++) {
                Files.writeString(backups.folder().resolve("kam-coach-" + LocalDate.of(2026, 3, 2).minusDays(i) + ".db"), "old");
            }
            Files.writeString(backups.folder().resolve("manual-20260101.db"), "kept: not a daily copy");
            assertTrue(backups.runDue().isEmpty(), "not yet 03:00");
            clock.advance(Duration.ofMinutes(31));
            Path made = backups.runDue().orElseThrow();
            assertEquals("kam-coach-2026-03-02.db", made.getFileName().toString());
            assertTrue(backups.runDue().isEmpty(), "once a day");
            // 2 March is a Monday: its week has one copy; the 7 newest days and the newest of 3 weeks before stay
            try (var files = Files.list(backups.folder())) {
                List<String> names = files.map(p -> p.getFileName().toString()).sorted().toList();
                assertEquals(List.of("kam-coach-2026-02-15.db", "kam-coach-2026-02-22.db",
                        "kam-coach-2026-02-24.db", "kam-coach-2026-02-25.db", "kam-coach-2026-02-26.db",
                        "kam-coach-2026-02-27.db", "kam-coach-2026-02-28.db", "kam-coach-2026-03-01.db",
                        "kam-coach-2026-03-02.db", "last-compaction", "manual-20260101.db"), names);
            }
        }
    }

    public record Probe(String text) {
    }

    private static final Table<Probe> PROBE = Table.operational("weekly-compaction-probe", Probe.class);

    @Test
    void theStoreIsCompactedAfterTheBackupOnceAWeek() throws Exception {
        MutableClock clock = MutableClock.at("2026-03-02T03:30:00Z");
        Path data = dir.resolve("weekly");
        Path file = data.resolve("kam-coach.db");
        try (MapDbStore store = MapDbStore.open(data)) {
            Backups backups = new Backups(store, data, Optional.of(LocalTime.of(3, 0)),
                    clock.withZone(java.time.ZoneOffset.UTC));
            write(store, "WEEKLY-GONE-A");
            backups.runDue().orElseThrow();
            Path marker = backups.folder().resolve("last-compaction");
            assertEquals("2026-03-02", Files.readString(marker).strip());
            assertFalse(contains(file, "WEEKLY-GONE-A"), "the first backup's compaction dropped the deleted text");
            write(store, "WEEKLY-GONE-B");
            assertTrue(contains(file, "WEEKLY-GONE-B"), "deleted text stays in the file until a compaction");
            for (int day = 1; day < 7; day++) {
                clock.advance(Duration.ofDays(1));
                backups.runDue().orElseThrow();
                assertEquals("2026-03-02", Files.readString(marker).strip(), "not again within the week");
            }
            clock.advance(Duration.ofDays(1));
            backups.runDue().orElseThrow();
            assertEquals("2026-03-09", Files.readString(marker).strip(), "a week later, again");
            assertFalse(contains(file, "WEEKLY-GONE-B"));
            write(store, "still-served");
        }
    }

    /** Writes a record with {@code text} and deletes it again. */
    private static void write(MapDbStore store, String text) {
        store.inTransaction(tx -> {
            tx.put(PROBE, "k", new Probe(text + " " + "x".repeat(3000)));
            return null;
        });
        store.inTransaction(tx -> {
            tx.delete(PROBE, "k");
            return null;
        });
    }

    private static boolean contains(Path file, String text) throws java.io.IOException {
        return coach.kam.testing.StoreBytes.count(file, text) > 0;
    }

    @Test
    void aBackupTakenWhileNotesAreWrittenRestoresToAConsistentState() throws Exception {
        Path live = dir.resolve("live");
        Accounts accounts = new Accounts();
        List<Path> copies = new ArrayList<>();
        try (MapDbStore store = MapDbStore.open(live)) {
            Account acme = store.inTransaction(tx -> accounts.create(tx, 5, "ACME", java.time.Instant.EPOCH));
            AtomicBoolean stop = new AtomicBoolean();
            AtomicReference<Throwable> failed = new AtomicReference<>();
            Thread writer = new Thread(() -> {
                try {
                    for (int i = 1; !stop.get(); i++) {
                        int n = i;
                        store.inTransaction(tx -> {
                            accounts.addNote(tx, acme, Note.text(acme.id(), "note " + n, java.time.Instant.EPOCH));
                            tx.put(COUNTS, "5/count", new Count(n));
                            return null;
                        });
                    }
                } catch (Throwable e) {
                    failed.set(e);
                }
            });
            writer.start();
            try {
                for (int c = 0; c < 5; c++) {
                    // each copy waits for some writes after the one before, so copies land mid-stream
                    int seen = store.inTransaction(tx -> tx.get(COUNTS, "5/count").map(Count::notes).orElse(0));
                    while (store.inTransaction(tx -> tx.get(COUNTS, "5/count").map(Count::notes).orElse(0)) < seen + 20) {
                        Thread.onSpinWait();
                    }
                    Path copy = dir.resolve("copy-" + c + ".db");
                    store.copyTo(copy);
                    copies.add(copy);
                }
            } finally {
                stop.set(true);
                writer.join();
            }
            assertEquals(null, failed.get());
        }
        int last = -1;
        for (Path copy : copies) {
            Path restoredDir = dir.resolve("restored-" + copy.getFileName());
            MapDbStore.restore(copy, restoredDir, java.time.Clock.systemUTC());
            try (MapDbStore restored = MapDbStore.open(restoredDir)) {
                int count = restored.inTransaction(tx -> tx.get(COUNTS, "5/count").orElseThrow().notes());
                Account acme = restored.inTransaction(tx -> accounts.list(tx, 5).get(0));
                List<Note> notes = restored.inTransaction(tx -> accounts.notes(tx, acme));
                assertEquals(count, notes.size(), "the notes and their count are from the same moment");
                assertEquals("note " + count, notes.get(0).text());
                assertTrue(count > last, "later copies hold more");
                last = count;
                // the restored store works: new notes get fresh ids
                restored.inTransaction(tx -> accounts.addNote(tx, acme, Note.text(acme.id(), "after", java.time.Instant.EPOCH)));
                assertEquals(count + 1, restored.inTransaction(tx -> accounts.notes(tx, acme)).size());
            }
        }
    }

    @Test
    void restoreRefusesWhileTheStoreIsHeld() throws Exception {
        Path copy = dir.resolve("copy.db");
        Accounts accounts = new Accounts();
        try (MapDbStore store = MapDbStore.open(dir.resolve("data"))) {
            store.inTransaction(tx -> accounts.create(tx, 5, "Before", java.time.Instant.EPOCH));
            store.copyTo(copy);
            store.inTransaction(tx -> accounts.create(tx, 5, "After", java.time.Instant.EPOCH));
            assertTrue(MapDbStore.isHeld(dir.resolve("data")));
            StoreException refused = assertThrows(StoreException.class,
                    () -> MapDbStore.restore(copy, dir.resolve("data"), java.time.Clock.systemUTC()));
            assertTrue(refused instanceof coach.kam.store.StoreHeld && refused.getMessage().contains("held by a running KAM Coach process"),
                    refused.getMessage());
            try (var left = Files.list(dir.resolve("data"))) {
                assertEquals(List.of("kam-coach.db"), left.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith("kam-coach.db.wal")).sorted().toList(),
                        "a refused restore leaves nothing behind");
            }
            assertEquals(2, store.inTransaction(tx -> accounts.list(tx, 5)).size(), "nothing changed");
        }
        assertFalse(MapDbStore.isHeld(dir.resolve("data")));
        Path kept = MapDbStore.restore(copy, dir.resolve("data"), java.time.Clock.systemUTC()).orElseThrow();
        assertTrue(Files.exists(kept));
        try (MapDbStore store = MapDbStore.open(dir.resolve("data"))) {
            assertEquals(List.of("Before"), store.inTransaction(tx -> accounts.list(tx, 5)).stream().map(Account::name).toList());
        }
    }
}
