package coach.kam.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.kam.accounts.Account;
import coach.kam.accounts.Accounts;
import coach.kam.telegram.FakeBotApi;
import coach.kam.testing.ChatDriver.Shown;
import coach.kam.testing.Kept;
import coach.kam.testing.MutableClock;
import coach.kam.testing.TelegramDriver;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Export and import through the real Telegram client against the fake Bot API (upload and download). */
class ExportTelegramTest {
    private static final long REP = 7;
    private static final Duration WAIT = Duration.ofSeconds(20);
    @TempDir
    Path dir;
    private TelegramDriver bot;

    @BeforeEach
    void start() {
        bot = new TelegramDriver(dir, MutableClock.at("2026-03-02T08:00:00Z"), "en", Set.of(REP));
    }

    @AfterEach
    void stop() {
        List<String> violations = bot.api().violations();
        bot.close();
        assertEquals(List.of(), violations, "calls that break the Bot API");
    }

    @Test
    void theExportArrivesAsAZipDocument() throws Exception {
        bot.type(REP, "/new ACME Ltd");
        bot.type(REP, "/note ACME: 客户说价格太高");
        bot.type(REP, "/export");
        FakeBotApi.Call call = bot.api().awaitCall("sendDocument", p -> true, WAIT);
        JsonNode params = call.params();
        assertEquals(REP, params.path("chat_id").asLong());
        assertTrue(params.path("document").path("file_name").asText().endsWith(".zip"));
        assertTrue(params.path("caption").asText().contains("1 accounts"), params.path("caption").asText());
        Map<String, String> files = ExportImportTest.unzip(bot.api().sentDocuments().get(0));
        assertTrue(files.get("report.md").contains("客户说价格太高"), files.get("report.md"));
        assertTrue(files.get("accounts.csv").contains("ACME Ltd"));
        // the zip waited as a file in the outbox, never in the store, and went once Telegram had it
        assertTrue(bot.coach().store().inTransaction(tx -> tx.records(Kept.table("send-documents"), "")).isEmpty());
        bot.api().awaitState(() -> zipsIn(dir).isEmpty(), WAIT, "the sent zip removed from the outbox");
    }

    /** Zips anywhere under the test's folder (the outbox, the copies the exports are made from). */
    static List<Path> zipsIn(Path folder) {
        try (var files = java.nio.file.Files.walk(folder)) {
            return files.filter(f -> f.toString().endsWith(".zip") || f.toString().endsWith(".zip.part")).toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aCsvSentToTheChatIsDownloadedPreviewedAndImported() {
        bot.type(REP, "/start");
        bot.type(REP, "/import");
        bot.api().awaitCall("sendDocument", p -> p.path("document").path("file_name").asText().contains("template"), WAIT);
        byte[] csv = "客户名称,分类,备注\r\n华东医药集团,A,年度框架协议在谈\r\n,B,\r\n".getBytes(CsvImport.GBK);
        List<Shown> preview = bot.after(() -> bot.api().enqueueDocument(REP, "客户.csv", csv, null), REP);
        if (preview.isEmpty()) {
            bot.api().awaitCall("sendMessage", p -> p.path("text").asText().contains("preview"), WAIT);
            preview = bot.after(() -> bot.api().enqueueText(REP, "/accounts"), REP);
        }
        String text = preview.stream().map(Shown::text).filter(t -> t.contains("Import preview")).findFirst()
                .orElseThrow(() -> new AssertionError("no preview in " + bot.api().calls()));
        assertTrue(text.contains("1 new, 0 updated, 1 rows with errors"), text);
        assertTrue(text.contains("row 3 has no name"), text);
        assertEquals(1, bot.api().fileDownloads());
        List<Shown> done = bot.press(REP, "✅ Import 1 rows");
        assertTrue(done.get(0).text().contains("1 new accounts"), done.toString());
        List<Account> list = bot.coach().store().inTransaction(tx -> new Accounts().list(tx, REP));
        assertEquals(List.of("华东医药集团"), list.stream().map(Account::name).toList());
    }

    /** The reply to a document the rep sent, once the bot answered it. */
    private String replyTo(java.util.function.LongSupplier send) {
        List<Shown> replies = bot.after(send, REP);
        if (replies.isEmpty()) {
            // the answer comes after the file was read, off the update's turn
            FakeBotApi.Call call = bot.api().awaitCall("sendMessage", p -> p.path("chat_id").asLong() == REP
                    && p.path("text").asText().contains("too large"), WAIT);
            return call.params().path("text").asText();
        }
        return replies.get(replies.size() - 1).text();
    }

    @Test
    void aDocumentWithoutASizeIsDownloadedOnlyUpToTheCap() {
        bot.type(REP, "/start");
        long size = 19L * 1024 * 1024;
        String reply = replyTo(() -> bot.api().enqueueGeneratedDocument(REP, "accounts.csv", size, false));
        assertTrue(reply.contains("That file is too large (at most 2 MB)"), reply);
        assertEquals(1, bot.api().fileDownloads());
        assertTrue(bot.api().fileBytesServed() < size, "the bot stopped reading: " + bot.api().fileBytesServed());
    }

    @Test
    void aDocumentOverTelegramsDownloadLimitIsRefusedWithoutADownload() {
        bot.type(REP, "/start");
        String reply = replyTo(() -> bot.api().enqueueGeneratedDocument(REP, "accounts.csv", 60L * 1024 * 1024, false));
        assertTrue(reply.contains("That file is too large (at most 2 MB)"), reply);
        assertEquals(0, bot.api().fileDownloads());
    }
}
