package coach.kam.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.kam.Catalogue;
import coach.kam.KamCoach;
import coach.kam.conversation.Event;
import coach.kam.conversation.export.StoreExport;
import coach.kam.store.Json;
import coach.kam.store.MapDbStore;
import coach.kam.testing.MutableClock;
import coach.kam.testing.TestCoach;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mapdb.BTreeMap;
import org.mapdb.DB;
import org.mapdb.DBMaker;
import org.mapdb.Serializer;

/**
 * An export carries a manifest (sizes, SHA-256, counts), and a note damaged in the file neither
 * stops the rep's /notes nor their export: the others are there and the manifest names the one
 * skipped, with its table and key.
 */
class ExportManifestTest {
    @TempDir
    Path dir;

    @Test
    void aDamagedNoteIsSkippedAndNamedInTheManifest() throws Exception {
        MutableClock clock = MutableClock.at("2026-03-02T08:00:00Z");
        Path data = dir.resolve("data");
        try (KamCoach coach = TestCoach.start(data, clock)) {
            coach.conversation().handle(new Event(41, 41, null, "/new ACME Ltd", null, null, "en"));
            for (String n : new String[] {"first visit", "second visit", "third visit"}) {
                coach.conversation().handle(new Event(41, 41, null, "/note ACME: " + n, null, null, "en"));
            }
        }
        String damagedKey = damageOneNote(data, "second visit");
        try (KamCoach coach = TestCoach.start(data, clock)) {
            String notes = coach.conversation().handle(new Event(41, 41, null, "/notes ACME", null, null, "en")).toString();
            assertTrue(notes.contains("first visit") && notes.contains("third visit"), notes);
            assertFalse(notes.contains("second visit") || notes.contains("second visiu"), notes);
            Exporter.Export e = StoreExport.export(coach.store(), Catalogue.tables(), TestCoach.knowledge(),
                    new DataJson.Scope(Set.of(41L), null), "en", clock, data.resolve("out"));
            Map<String, String> files = ExportImportTest.unzip(e.zip());
            assertTrue(files.get("report.md").contains("third visit"), files.get("report.md"));
            JsonNode manifest = Json.MAPPER.readTree(files.get("manifest.json"));
            assertEquals(1, manifest.path("skipped").size(), manifest.toString());
            assertEquals("notes", manifest.path("skipped").get(0).path("table").asText());
            assertEquals(damagedKey, manifest.path("skipped").get(0).path("key").asText());
            for (String f : new String[] {"report.md", "accounts.csv", "data.json"}) {
                byte[] bytes = files.get(f).getBytes(StandardCharsets.UTF_8);
                assertEquals(Manifest.sha256(bytes), manifest.path("files").path(f).path("sha256").asText(), f);
                assertEquals(bytes.length, manifest.path("files").path(f).path("bytes").asInt(), f);
            }
            assertEquals(1, manifest.path("files").path("accounts.csv").path("rows").asInt());
            assertEquals(2, manifest.path("files").path("data.json").path("tables").path("notes").asInt());
        }
    }

    /** Changes one character of a stored note in the file itself, as a flipped bit would; returns its key. */
    private static String damageOneNote(Path data, String text) {
        DB db = DBMaker.fileDB(data.resolve("kam-coach.db").toFile()).fileChannelEnable().transactionEnable().make();
        try {
            BTreeMap<String, String> notes = db.treeMap("t-notes", Serializer.STRING, Serializer.STRING).open();
            for (Map.Entry<String, String> e : notes.entrySet()) {
                if (e.getValue().contains(text)) {
                    notes.put(e.getKey(), e.getValue().replace(text, text.substring(0, text.length() - 1) + "u"));
                    db.commit();
                    return e.getKey();
                }
            }
            throw new AssertionError("no note " + text);
        } finally {
            db.close();
        }
    }
}
