package coach.kam.conversation.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.kam.Catalogue;
import coach.kam.accounts.Account;
import coach.kam.accounts.Accounts;
import coach.kam.accounts.Note;
import coach.kam.export.DataJson;
import coach.kam.export.ExportImportTest;
import coach.kam.export.Exporter;
import coach.kam.store.MapDbStore;
import coach.kam.testing.MutableClock;
import coach.kam.testing.TestCoach;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * report.md lists an account's notes oldest first by their time, also when they were written in
 * another order (a visit logged for yesterday) and across more than one page of the store's reads.
 */
class ReportOrderTest {
    @TempDir
    Path dir;

    @Test
    void notesAreListedByTimeAcrossPages() throws Exception {
        MutableClock clock = MutableClock.at("2026-03-02T08:00:00Z");
        Accounts accounts = new Accounts();
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        int count = 1_203;
        try (MapDbStore store = MapDbStore.open(dir.resolve("data"), clock)) {
            Account a = store.inTransaction(tx -> accounts.create(tx, 5, "ACME Ltd", start));
            store.inTransaction(tx -> {
                // written newest first: each note's time is before the one written before it
                for (int i = 0; i < count; i++) {
                    accounts.addNote(tx, a, Note.text(a.id(), "note " + (count - 1 - i),
                            start.plusSeconds(3600L * (count - 1 - i))));
                }
                return null;
            });
            Exporter.Export e = StoreExport.export(store, Catalogue.tables(), TestCoach.knowledge(), DataJson.Scope.user(5), "en", clock,
                    dir.resolve("out"));
            Map<String, String> files = ExportImportTest.unzip(e.zip());
            List<String> lines = files.get("report.md").lines().filter(l -> l.contains(" · note ")).toList();
            assertEquals(count, lines.size(), "every note once");
            for (int i = 0; i < count; i++) {
                assertTrue(lines.get(i).endsWith(" · note " + i), i + ": " + lines.get(i));
            }
        }
    }
}
