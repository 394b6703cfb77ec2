package coach.kam.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.kam.KamCoach;
import coach.kam.backup.Backups;
import coach.kam.conversation.Event;
import coach.kam.export.ExportImportTest;
import coach.kam.store.MapDbStore;
import coach.kam.testing.MutableClock;
import coach.kam.testing.TestCoach;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** export, backup and restore from the command line while a bot holds the store, and after it stopped. */
class DataCommandsTest {
    @TempDir
    Path dir;

    @Test
    void exportAndBackupWorkWhileTheBotRunsAndRestoreWaitsForItToStop() throws Exception {
        Path data = dir.resolve("data");
        MutableClock clock = MutableClock.at("2026-03-02T08:00:00Z");
        Path zip = dir.resolve("out/rep.zip");
        Path backup = dir.resolve("backup.db");
        try (KamCoach coach = TestCoach.start(data, clock);
             Backups serving = new Backups(coach.store(), data, Optional.empty(), clock).start()) {
            coach.conversation().handle(new Event(41, 41, null, "/new ACME Ltd", null, null, "en"));
            coach.conversation().handle(new Event(41, 41, null, "/note ACME: written before the export", null, null, "en"));
            assertTrue(MapDbStore.isHeld(data));
            assertEquals(0, Main.run(new String[] {"export", "--user", "41", "--out", zip.toString(), "--data",
                    data.toString(), "--lang", "en"}));
            assertEquals(0, Main.run(new String[] {"backup", "--out", backup.toString(), "--data", data.toString()}));
            assertEquals(3, DataCommands.restore(backup, data), "restore refuses while the bot holds the store");
            coach.conversation().handle(new Event(41, 41, null, "/new Globex", null, null, "en"));
        }
        Map<String, String> files = ExportImportTest.unzip(Files.readAllBytes(zip));
        assertTrue(files.get("report.md").contains("written before the export"), files.get("report.md"));
        assertTrue(files.get("accounts.csv").contains("ACME Ltd"));

        assertEquals(0, DataCommands.restore(backup, data));
        try (KamCoach coach = TestCoach.start(data, clock)) {
            String list = coach.conversation().handle(new Event(41, 41, null, "/accounts", null, null, "en")).toString();
            assertTrue(list.contains("ACME Ltd") && !list.contains("Globex"), list);
        }
        // with the bot stopped, export opens the store itself
        Path all = dir.resolve("all.zip");
        assertEquals(0, Main.run(new String[] {"export", "--all", "--out", all.toString(), "--data", data.toString()}));
        assertTrue(ExportImportTest.unzip(Files.readAllBytes(all)).get("report.md").contains("ACME Ltd"));
    }

    @Test
    void backupFailsWithTheBotsReasonWhenTheRunningBotCannotMakeTheCopy() throws Exception {
        Path data = dir.resolve("data");
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        java.io.PrintStream stderr = System.err;
        try (MapDbStore real = MapDbStore.open(data)) {
            coach.kam.store.Store full = new coach.kam.store.Store() {
                @Override
                public <T> T inTransaction(java.util.function.Function<coach.kam.store.Tx, T> work) {
                    return real.inTransaction(work);
                }

                @Override
                public void copyTo(Path file) {
                    throw new coach.kam.store.StoreException("cannot write the copy " + file
                            + ": No space left on device", null);
                }

                @Override
                public void close() {
                }
            };
            coach.kam.backup.Snapshots bot = new coach.kam.backup.Snapshots(full, data);
            System.setErr(new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8));
            java.util.concurrent.CompletableFuture<Integer> backup = java.util.concurrent.CompletableFuture.supplyAsync(
                    () -> Main.run(new String[] {"backup", "--out", dir.resolve("b.db").toString(), "--data",
                            data.toString()}));
            // the bot's timer, driven here: one look at the requests a turn until the command is done
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
            while (!backup.isDone() && System.nanoTime() < deadline) {
                bot.serve();
                try {
                    backup.get(20, java.util.concurrent.TimeUnit.MILLISECONDS);
                } catch (java.util.concurrent.TimeoutException stillWaiting) {
                    // the command waits for its copy: serve the requests again
                }
            }
            assertEquals(2, backup.get(1, java.util.concurrent.TimeUnit.SECONDS));
        } finally {
            System.setErr(stderr);
        }
        String said = err.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(said.contains("could not make a copy of its store") && said.contains("No space left on device"),
                said);
        assertTrue(!said.contains("version without snapshot requests"), said);
        assertTrue(!Files.exists(dir.resolve("b.db")));
        try (var left = Files.list(data.resolve("requests"))) {
            assertEquals(List.of(), left.toList(), "the failed request was removed");
        }
    }
}
