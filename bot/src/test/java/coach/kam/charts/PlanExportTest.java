package coach.kam.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.kam.conversation.Event;
import coach.kam.conversation.Reply;
import coach.kam.testing.CoreDriver;
import coach.kam.testing.MutableClock;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** /plan export writes the one-page plan: target, territory, the accounts with targets and the charts. */
class PlanExportTest {
    private static final long REP = 62;
    private CoreDriver bot;

    @BeforeEach
    void start() throws Exception {
        bot = new CoreDriver(Files.createTempDirectory("kam-planpdf"), MutableClock.at("2026-12-03T02:00:00Z"), "zh");
        bot.type(REP, "/lang zh");
    }

    @AfterEach
    void stop() {
        bot.close();
    }

    private List<Reply> send(String text) {
        return bot.coach().conversation().handle(new Event(REP, REP, null, text, null, null, "zh"));
    }

    @Test
    void thePlanIsOnePdfPageWithTheChineseTextReadable() throws Exception {
        bot.type(REP, "/new 九州通医药");
        bot.type(REP, "/new 华东医药");
        bot.type(REP, "/target 2000万");
        bot.type(REP, "/target 九州通: 300万 600万");
        bot.type(REP, "/deal 九州通: 冷链二期 300万 方案阶段 3月底");
        String placed = String.join("\n", bot.type(REP, "/territory 九州通 大本营").stream()
                .map(coach.kam.testing.ChatDriver.Shown::text).toList());
        assertTrue(placed.contains("大本营"), placed);
        String label = "大本营";
        List<Reply> replies = send("/plan export");
        Reply doc = replies.stream().filter(Reply::hasDocument).findFirst()
                .orElseThrow(() -> new AssertionError(replies.stream().map(Reply::plainText).toList().toString()));
        assertTrue(doc.document().fileName().endsWith(".pdf"), doc.document().fileName());
        assertTrue(doc.plainText().contains("1 个重点客户,2 张图"), doc.plainText());
        PdfReader reader = new PdfReader(doc.document().bytes());
        assertEquals(1, reader.getNumberOfPages());
        String text = new PdfTextExtractor(reader).getTextFromPage(1);
        reader.close();
        for (String s : List.of("大客户开发与生意提升计划", "现在 2000万 → 目标 4000万", "九州通医药", "300万 → 600万",
                label + " 1", "未放置 1")) {
            assertTrue(text.contains(s), "'" + s + "' in:\n" + text);
        }
    }
}
