package coach.kam.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.kam.Catalogue;
import coach.kam.KamCoach;
import coach.kam.accounts.Account;
import coach.kam.accounts.Accounts;
import coach.kam.conversation.Button;
import coach.kam.conversation.Event;
import coach.kam.conversation.Reply;
import coach.kam.store.Json;
import coach.kam.store.MapDbStore;
import coach.kam.testing.MutableClock;
import coach.kam.testing.TestCoach;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

public class ExportImportTest {
    static final long REP = 41;
    static final long OTHER = 42;

    @TempDir
    Path dir;
    private final MutableClock clock = MutableClock.at("2026-03-02T08:00:00Z");
    private KamCoach coach;

    private KamCoach coach() {
        if (coach == null) {
            coach = TestCoach.start(dir.resolve("a"), clock);
        }
        return coach;
    }

    @AfterEach
    void close() {
        if (coach != null) {
            coach.close();
        }
    }

    private List<Reply> type(long user, String text) {
        return coach().conversation().handle(new Event(user, user, null, text, null, null, "en"));
    }

    private List<Reply> press(long user, String data) {
        return coach().conversation().handle(new Event(user, user, null, null, data, null, "en"));
    }

    private List<Reply> send(long user, String fileName, byte[] bytes) {
        return coach().conversation().handle(new Event(user, user, null, null, null, null, "en",
                new Event.Attachment(fileName, bytes.length, () -> bytes)));
    }

    public static Map<String, String> unzip(byte[] zip) throws IOException {
        Map<String, String> out = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                out.put(e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    static Reply document(List<Reply> replies) {
        return replies.stream().filter(Reply::hasDocument).findFirst()
                .orElseThrow(() -> new AssertionError("no document in " + replies));
    }

    private void typeSomeData() {
        type(REP, "/start");
        type(REP, "/new ACME Ltd");
        type(REP, "/note ACME: Met the buyer, price talk went well");
        coach().conversation().handle(new Event(REP, REP, null, null, null, new Event.Location(31.23, 121.47), "en"));
        type(REP, "/new Northwind, Inc.");
        type(REP, "/note Northwind: \"quoted\" reply, with a comma");
        type(OTHER, "/new Secret Co");
        type(OTHER, "/note Secret: other rep's note");
    }

    @Test
    void exportCarriesWhatTheRepTypedInMarkdownCsvAndJson() throws IOException {
        typeSomeData();
        Reply doc = document(type(REP, "/export"));
        assertTrue(doc.document().fileName().endsWith(".zip"), doc.document().fileName());
        assertTrue(doc.plainText().contains("2 accounts"), doc.plainText());
        Map<String, String> files = unzip(doc.document().content());
        assertEquals(java.util.Set.of("report.md", "accounts.csv", "data.json", "manifest.json"), files.keySet());

        String md = files.get("report.md");
        assertTrue(md.contains("## ACME Ltd"), md);
        assertTrue(md.contains("Met the buyer, price talk went well"), md);
        assertTrue(md.contains("### Visits") && md.contains("31.23000, 121.47000"), md);
        assertTrue(md.contains("## Northwind, Inc."), md);
        assertFalse(md.contains("Secret"), "another rep's data leaked: " + md);

        String csv = files.get("accounts.csv");
        assertTrue(csv.startsWith("\uFEFFname,class,tier,score,strategy,last_evaluated,last_contact,notes,visits,objections,"
                + "plans,created,account_id,owner_id\r\n"), csv);
        List<List<String>> rows = Csv.parse(csv.substring(1));
        assertEquals(3, rows.size(), csv);
        assertEquals("ACME Ltd", rows.get(1).get(0));
        assertEquals("1", rows.get(1).get(7));
        assertEquals("1", rows.get(1).get(8));
        assertEquals("Northwind, Inc.", rows.get(2).get(0));
        assertEquals(Long.toString(REP), rows.get(2).get(13));

        JsonNode json = Json.MAPPER.readTree(files.get("data.json"));
        assertEquals("kam-coach-export", json.path("format").asText());
        assertEquals(2, json.path("formatVersion").asInt());
        assertEquals(List.of(REP), List.of(json.path("users").get(0).asLong()));
        JsonNode notes = json.path("tables").path("notes").path("records");
        assertEquals(3, notes.size(), "two notes and a visit");
        assertTrue(notes.toString().contains("\\\"quoted\\\" reply, with a comma"), notes.toString());
        assertFalse(json.path("tables").has("send-queue"));
        assertFalse(json.path("tables").has("inbox"));
        assertFalse(json.toString().contains("Secret"));
    }

    @Test
    void oneAccountExportHoldsOnlyThatAccount() throws IOException {
        typeSomeData();
        Map<String, String> files = unzip(document(type(REP, "/export acme")).document().content());
        assertTrue(files.get("report.md").contains("ACME Ltd"));
        assertFalse(files.get("report.md").contains("Northwind"));
        JsonNode json = Json.MAPPER.readTree(files.get("data.json"));
        assertEquals(1, json.path("tables").path("accounts").path("records").size());
        assertEquals(2, json.path("tables").path("notes").path("records").size(), "a note and a visit");
    }

    @Test
    void everyoneOnlyForAdmins() throws IOException {
        typeSomeData();
        assertFalse(type(REP, "/export --all").stream().anyMatch(Reply::hasDocument));
        Map<String, String> files = unzip(document(type(TestCoach.MANAGER, "/export --all")).document().content());
        // reps who did not agree are listed by account, tier and counts, never by what they wrote
        String summary = files.get("team-summary.csv");
        assertTrue(summary.contains("Secret Co") && summary.contains("ACME Ltd"), summary);
        assertTrue(summary.contains(REP + ",ACME Ltd,,,2,"), summary);
        String all = String.join("\n", files.values());
        assertFalse(all.contains("price talk") || all.contains("other rep's note"), all);
    }

    @Test
    void exportThenImportIntoAnEmptyStoreComparesEqual() {
        typeSomeData();
        JsonNode before = coach().store().inTransaction(tx -> DataJson.export(tx, Catalogue.tables(), DataJson.Scope.all(), clock.instant()));
        try (MapDbStore empty = MapDbStore.open(dir.resolve("b"))) {
            DataJson.Result r = empty.inTransaction(tx -> DataJson.importInto(tx, Catalogue.tables(), before, Optional.empty()));
            assertEquals(List.of(), r.refused());
            JsonNode after = empty.inTransaction(tx -> DataJson.export(tx, Catalogue.tables(), DataJson.Scope.all(), clock.instant()));
            assertEquals(before.path("tables"), after.path("tables"));
            assertEquals(before.path("users"), after.path("users"));
            // new ids continue after the imported ones
            Account fresh = empty.inTransaction(tx -> new Accounts().create(tx, REP, "Fresh", clock.instant()));
            assertTrue(fresh.id() > before.path("sequences").path("account").asLong() - 1);
            assertEquals(3, empty.inTransaction(tx -> new Accounts().list(tx, REP)).size());
        }
    }

    @Test
    void aRepImportsOnlyTheirOwnRecords() {
        typeSomeData();
        JsonNode all = coach().store().inTransaction(tx -> DataJson.export(tx, Catalogue.tables(), DataJson.Scope.all(), clock.instant()));
        try (MapDbStore empty = MapDbStore.open(dir.resolve("c"))) {
            DataJson.Result r = empty.inTransaction(tx -> DataJson.importInto(tx, Catalogue.tables(), all, Optional.of(REP)));
            assertFalse(r.refused().isEmpty());
            assertEquals(0, empty.inTransaction(tx -> new Accounts().list(tx, OTHER)).size());
            assertEquals(2, empty.inTransaction(tx -> new Accounts().list(tx, REP)).size());
        }
    }

    @Test
    void csvImportShowsADryRunThenImportsOnConfirm() {
        typeSomeData();
        String csv = "name,class,note\r\n"
                + "ACME Ltd,B,Second meeting booked\r\n"
                + "Globex,A,\r\n"
                + ",C,no name here\r\n"
                + "Initech,Z,\r\n"
                + "\"Umbrella, Corp\",,\"multi\nline note\"\r\n";
        List<Reply> preview = send(REP, "accounts.csv", csv.getBytes(StandardCharsets.UTF_8));
        String text = preview.get(preview.size() - 1).plainText();
        assertTrue(text.contains("2 new, 1 updated, 2 rows with errors"), text);
        assertTrue(text.contains("row 4 has no name"), text);
        assertTrue(text.contains("row 5 has class “Z”"), text);
        // nothing is imported before the confirmation
        assertEquals(2, coach().store().inTransaction(tx -> new Accounts().list(tx, REP)).size());
        Button ok = preview.get(preview.size() - 1).buttons().get(0).get(0);
        String done = press(REP, ok.data()).get(0).plainText();
        assertTrue(done.contains("2 new accounts, 1 updated"), done);
        List<Account> list = coach().store().inTransaction(tx -> new Accounts().list(tx, REP));
        assertEquals(List.of("ACME Ltd", "Globex", "Northwind, Inc.", "Umbrella, Corp"),
                list.stream().map(Account::name).toList());
        // a second press of the same button changes nothing, and says it was done
        assertTrue(press(REP, ok.data()).get(0).plainText().contains("imported already"));
        assertEquals(4, coach().store().inTransaction(tx -> new Accounts().list(tx, REP)).size());
        String notes = type(REP, "/notes umbrella").toString();
        assertTrue(notes.contains("multi"), notes);
    }

    @Test
    void gbkAndBomFilesFromChineseSpreadsheetsLoad() {
        type(REP, "/start");
        String csv = "客户名称,分类,备注\r\n华东医药集团,A,年度框架协议在谈\r\n新城超市,C,\r\n";
        List<Reply> gbk = send(REP, "客户.csv", csv.getBytes(CsvImport.GBK));
        String text = gbk.get(gbk.size() - 1).plainText();
        assertTrue(text.contains("2 new, 0 updated, 0 rows with errors") && text.contains("GBK"), text);
        press(REP, gbk.get(gbk.size() - 1).buttons().get(0).get(0).data());
        assertEquals(List.of("华东医药集团", "新城超市"),
                coach().store().inTransaction(tx -> new Accounts().list(tx, REP)).stream().map(Account::name).sorted().toList());

        byte[] bom = ("\uFEFF" + "name,class\r\n华东医药集团,B\r\n苏州工业园,D\r\n").getBytes(StandardCharsets.UTF_8);
        List<Reply> withBom = send(REP, "b.csv", bom);
        text = withBom.get(withBom.size() - 1).plainText();
        assertTrue(text.contains("1 new, 1 updated, 0 rows with errors") && text.contains("UTF-8 (BOM)"), text);
        byte[] plain = "name\r\n华东医药集团\r\n".getBytes(StandardCharsets.UTF_8);
        text = send(REP, "c.csv", plain).get(0).plainText();
        // the account is there with nothing new to add: the import would change nothing
        assertTrue(text.contains("0 new, 0 updated") && text.contains("UTF-8"), text);
    }

    @Test
    void importWithoutAFileSendsTheTemplate() {
        type(REP, "/start");
        List<Reply> replies = type(REP, "/import");
        Reply template = document(replies);
        String csv = new String(template.document().bytes(), StandardCharsets.UTF_8);
        assertTrue(csv.startsWith("\uFEFFname,class,note\r\n"), csv);
        // the template itself imports cleanly
        List<Reply> preview = send(REP, template.document().fileName(), template.document().content());
        assertTrue(preview.get(0).plainText().contains("2 new, 0 updated, 0 rows with errors"), preview.get(0).plainText());
        assertNotNull(preview.get(0).buttons().get(0).get(0));
        // a file that is not CSV is refused with a reason
        assertTrue(send(REP, "deck.pdf", new byte[] {1, 2}).get(0).plainText().contains("not a CSV file"));
    }
}
