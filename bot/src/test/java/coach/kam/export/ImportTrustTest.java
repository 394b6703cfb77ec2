package coach.kam.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.kam.Catalogue;
import coach.kam.KamCoach;
import coach.kam.accounts.Account;
import coach.kam.accounts.Accounts;
import coach.kam.accounts.Note;
import coach.kam.conversation.Event;
import coach.kam.conversation.Reply;
import coach.kam.conversation.export.StoreExport;
import coach.kam.testing.MutableClock;
import coach.kam.testing.TestCoach;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Imports that refuse rather than guess, and round trips that hold: mixed encodings, an unbalanced
 * quote and names with invisible characters are row errors with their row numbers and import
 * nothing wrong; Windows-1252 is read as such; a title row above the header is passed over; the
 * bot's own accounts.csv imports without its counts becoming notes, and a second import changes
 * nothing.
 */
class ImportTrustTest {
    private static final long REP = 41;
    @TempDir
    Path dir;
    private final MutableClock clock = MutableClock.at("2026-03-02T08:00:00Z");
    private KamCoach coach;

    private KamCoach coach() {
        if (coach == null) {
            coach = TestCoach.start(dir, clock);
        }
        return coach;
    }

    @AfterEach
    void close() {
        if (coach != null) {
            coach.close();
        }
    }

    private List<Reply> type(String text) {
        return coach().conversation().handle(new Event(REP, REP, null, text, null, null, "en"));
    }

    private Reply send(String fileName, byte[] bytes) {
        List<Reply> r = coach().conversation().handle(new Event(REP, REP, null, null, null, null, "en",
                new Event.Attachment(fileName, bytes.length, () -> bytes)));
        return r.get(r.size() - 1);
    }

    private String confirm(Reply preview) {
        return coach().conversation().handle(new Event(REP, REP, null, null, preview.buttons().get(0).get(0).data(),
                null, "en")).get(0).plainText();
    }

    private List<String> names() {
        return coach().store().inTransaction(tx -> new Accounts().list(tx, REP)).stream().map(Account::name).sorted()
                .toList();
    }

    private static byte[] bytes(Object... parts) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < parts.length; i += 2) {
            out.write(((String) parts[i]).getBytes((Charset) parts[i + 1]));
        }
        return out.toByteArray();
    }

    @Test
    void mixedEncodingsAreRowErrorsNotMojibake() throws Exception {
        type("/start");
        Charset gbk = CsvImport.GBK;
        byte[] file = bytes("name,class\r\n", StandardCharsets.US_ASCII, "国药控股,B\r\n", gbk,
                "华东医药,A\r\n", StandardCharsets.UTF_8, "九州通医药,C\r\n", gbk);
        Reply preview = send("mixed.csv", file);
        String text = preview.plainText();
        assertTrue(text.contains("2 new, 0 updated, 1 rows with errors") && text.contains("GBK"), text);
        assertTrue(text.contains("row 3 is in UTF-8"), text);
        confirm(preview);
        assertEquals(List.of("九州通医药", "国药控股"), names());
        assertFalse(names().stream().anyMatch(n -> n.contains("鍗")), "no mojibake: " + names());
    }

    @Test
    void anUnbalancedQuoteAndInvisibleCharactersAreRowErrors() throws Exception {
        type("/start");
        String csv = "name,class,note\r\nAlpha,A,ok\r\n\"Beta,B,oops\r\nGamma,C,ok\r\nDelta,D,ok\r\n";
        Reply preview = send("quote.csv", csv.getBytes(StandardCharsets.UTF_8));
        assertTrue(preview.plainText().contains("row 3 has quotes that do not pair up"), preview.plainText());
        confirm(preview);
        assertEquals(List.of("Alpha"), names(), "nothing named from a swallowed row");

        String zw = "name\r\nAcme\u200BFoods\r\nAcme Foods\r\nNorth\u0007wind\r\n";
        preview = send("zw.csv", zw.getBytes(StandardCharsets.UTF_8));
        String text = preview.plainText();
        assertTrue(text.contains("row 2 has a name with invisible characters (Acme<U+200B>Foods)"), text);
        assertTrue(text.contains("row 4 has a name with invisible characters"), text);
        assertTrue(text.contains("It creates (+) or updates (~): + Acme Foods"), text);
        confirm(preview);
        assertEquals(List.of("Acme Foods", "Alpha"), names());
    }

    @Test
    void windows1252AndATitleRowLoad() throws Exception {
        type("/start");
        byte[] latin = "Account list, March\r\n\r\nname,class\r\nCafé Nero UK,B\r\nSmørrebrød Ltd,C\r\n"
                .getBytes(Charset.forName("windows-1252"));
        Reply preview = send("latin.csv", latin);
        assertTrue(preview.plainText().contains("Windows-1252") && preview.plainText().contains("2 new"),
                preview.plainText());
        confirm(preview);
        assertEquals(List.of("Café Nero UK", "Smørrebrød Ltd"), names());
    }

    @Test
    void theBotsOwnExportImportsCleanlyAndASecondImportChangesNothing() throws Exception {
        type("/start");
        type("/new ACME Ltd");
        type("/note ACME: first call");
        type("/note ACME: second call");
        type("/new Globex");
        Exporter.Export e = StoreExport.export(coach().store(), Catalogue.tables(), TestCoach.knowledge(),
                new DataJson.Scope(Set.of(REP), null), "en", clock, dir.resolve("out"));
        byte[] csv = ExportImportTest.unzip(e.zip()).get("accounts.csv").getBytes(StandardCharsets.UTF_8);

        Reply preview = send("accounts.csv", csv);
        assertTrue(preview.plainText().contains("0 new, 0 updated, 0 rows with errors"), preview.plainText());
        // into an empty store, under another rep: two accounts, and no count read as a note
        long other = 77;
        List<Reply> r = coach().conversation().handle(new Event(other, other, null, null, null, null, "en",
                new Event.Attachment("accounts.csv", csv.length, () -> csv)));
        Reply first = r.get(r.size() - 1);
        assertTrue(first.plainText().contains("2 new"), first.plainText());
        coach().conversation().handle(new Event(other, other, null, null, first.buttons().get(0).get(0).data(), null,
                "en"));
        List<Note> notes = coach().store().inTransaction(tx -> {
            Accounts accounts = new Accounts();
            return accounts.list(tx, other).stream().flatMap(a -> accounts.notes(tx, a).stream()).toList();
        });
        assertEquals(List.of(), notes, "the notes column of an export is a count, not a note");

        // a file with notes, imported twice: the second changes nothing
        String withNotes = "name,class,note\r\nACME Ltd,A,met the buyer\r\nInitech,B,first contact\r\n";
        Reply once = send("n.csv", withNotes.getBytes(StandardCharsets.UTF_8));
        confirm(once);
        int notesAfterOne = noteCount();
        Reply twice = send("n.csv", withNotes.getBytes(StandardCharsets.UTF_8));
        assertTrue(twice.plainText().contains("0 new, 0 updated"), twice.plainText());
        confirm(twice);
        assertEquals(notesAfterOne, noteCount(), "a second import adds no note");
        assertEquals(List.of("ACME Ltd", "Globex", "Initech"), names());
    }

    private int noteCount() {
        return coach().store().inTransaction(tx -> {
            Accounts accounts = new Accounts();
            return accounts.list(tx, REP).stream().mapToInt(a -> accounts.notes(tx, a).size()).sum();
        });
    }
}
