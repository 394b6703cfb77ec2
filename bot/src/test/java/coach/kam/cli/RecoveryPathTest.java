package coach.kam.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.kam.accounts.Accounts;
import coach.kam.store.DataFolder;
import coach.kam.store.MapDbStore;
import coach.kam.store.StoreException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The way back as an operator walks it: a store that will not open names backups/ and the restore
 * command; restore sets the broken store aside and brings the backup back; a truncated backup is
 * refused with a reason and leaves nothing behind; a missing store next to backups does not start
 * empty unless asked.
 */
class RecoveryPathTest {
    @TempDir
    Path dir;

    private Path storeWithABackup(Path data) {
        Accounts accounts = new Accounts();
        try (MapDbStore store = MapDbStore.open(data)) {
            store.inTransaction(tx -> accounts.create(tx, 5, "Kept Co", Instant.EPOCH));
            store.copyTo(data.resolve("backups/kam-coach-2026-12-02.db"));
        }
        return data.resolve("backups/kam-coach-2026-12-02.db");
    }

    private static List<String> names(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aCorruptStoreIsRestoredFromItsBackupWithOneCommand() throws Exception {
        Path data = dir.resolve("data");
        Path backup = storeWithABackup(data);
        // the file's header destroyed: it no longer opens
        byte[] bytes = Files.readAllBytes(data.resolve("kam-coach.db"));
        for (int i = 0; i < 16; i++) {
            bytes[i] = 0;
        }
        Files.write(data.resolve("kam-coach.db"), bytes);

        StoreException refused = assertThrows(StoreException.class,
                () -> DataFolder.openForBot(data, Clock.systemUTC(), false, Map.of()));
        String expected = "kam-coach restore " + backup.toAbsolutePath() + " --data " + data.toAbsolutePath();
        assertTrue(refused.getMessage().contains(expected), refused.getMessage());
        assertTrue(refused.getMessage().contains("kam-coach check --data"), refused.getMessage());
        assertFalse(MapDbStore.isHeld(data), "a store that will not open is not 'held'");
        assertEquals(2, Main.run(new String[] {"check", "--data", data.toString()}), "check: cannot be opened");

        assertEquals(0, Main.run(new String[] {"restore", backup.toString(), "--data", data.toString()}));
        assertTrue(names(data.resolve("backups")).stream().anyMatch(n -> n.startsWith("corrupt-")),
                "the broken store is kept aside: " + names(data.resolve("backups")));
        assertEquals(0, Main.run(new String[] {"check", "--data", data.toString()}));
        try (MapDbStore store = MapDbStore.open(data)) {
            assertEquals("Kept Co", store.inTransaction(tx -> new Accounts().list(tx, 5)).get(0).name());
        }
    }

    @Test
    void aTruncatedBackupIsRefusedWithAReasonAndLeavesNothingBehind() throws Exception {
        Path data = dir.resolve("data");
        Path backup = storeWithABackup(data);
        Path truncated = dir.resolve("truncated.db");
        byte[] bytes = Files.readAllBytes(backup);
        Files.write(truncated, java.util.Arrays.copyOf(bytes, bytes.length / 3));
        List<String> before = names(data);
        assertEquals(2, Main.run(new String[] {"backup", "--verify", truncated.toString()}));
        assertEquals(0, Main.run(new String[] {"backup", "--verify", backup.toString()}));
        assertEquals(1, Main.run(new String[] {"restore", truncated.toString(), "--data", data.toString()}));
        assertEquals(before, names(data), "a refused restore leaves nothing behind");
        StoreException e = assertThrows(StoreException.class,
                () -> coach.kam.store.Restore.run(truncated, data, Clock.systemUTC()));
        assertTrue(e.getMessage().contains("is not a readable KAM Coach store (") && !e.getMessage().contains("null"),
                e.getMessage());
        assertEquals(before, names(data));
    }

    @Test
    void aMissingStoreNextToBackupsDoesNotStartEmptyUnlessAsked() throws Exception {
        Path data = dir.resolve("data");
        Path backup = storeWithABackup(data);
        Files.delete(data.resolve("kam-coach.db"));
        StoreException refused = assertThrows(StoreException.class,
                () -> DataFolder.openForBot(data, Clock.systemUTC(), false, Map.of()));
        assertTrue(refused.getMessage().contains("--new-store") && refused.getMessage().contains(backup.getFileName()
                .toString()), refused.getMessage());
        assertFalse(Files.exists(data.resolve("kam-coach.db")), "nothing was created");
        try (MapDbStore empty = DataFolder.openForBot(data, Clock.systemUTC(), false, Map.of("KAM_NEW_STORE", "true",
                "KAM_MIN_FREE_MB", "0", "KAM_SPACE_RESERVE_MB", "0"))) {
            assertTrue(empty.check().clean());
        }
    }
}
