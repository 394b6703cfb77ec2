package coach.kam.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.kam.KamCoach;
import coach.kam.accounts.Accounts;
import coach.kam.console.ConsoleChat;
import coach.kam.testing.MutableClock;
import coach.kam.testing.TestCoach;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The console writes documents to a folder and prints their path; /import takes a local file. */
class ExportConsoleTest {
    @TempDir
    Path dir;

    @Test
    void exportIsSavedAndALocalCsvImports() throws Exception {
        Path csv = dir.resolve("in.csv");
        Files.write(csv, "客户名称,分类\r\n华东医药集团,B\r\n".getBytes(CsvImport.GBK));
        String script = String.join("\n", "/start", "/new ACME Ltd", "/export", "/import " + csv, "1", "/quit");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (KamCoach coach = TestCoach.start(dir.resolve("data"), MutableClock.at("2026-03-02T08:00:00Z"))) {
            new ConsoleChat(coach.conversation(), new BufferedReader(new StringReader(script)),
                    new PrintStream(bytes, true, StandardCharsets.UTF_8), 3, "en")
                    .savingDocumentsIn(dir.resolve("data/exports")).run(false);
            assertEquals(2, coach.store().inTransaction(tx -> new Accounts().list(tx, 3)).size());
        }
        String out = bytes.toString(StandardCharsets.UTF_8);
        Matcher saved = Pattern.compile("📎 (\\S+\\.zip)").matcher(out);
        assertTrue(saved.find(), out);
        Path zip = Path.of(saved.group(1));
        assertTrue(zip.startsWith(dir.resolve("data/exports")), zip.toString());
        assertTrue(ExportImportTest.unzip(Files.readAllBytes(zip)).get("report.md").contains("ACME Ltd"));
        assertTrue(out.contains("1 new, 0 updated, 0 rows with errors"), out);
    }
}
