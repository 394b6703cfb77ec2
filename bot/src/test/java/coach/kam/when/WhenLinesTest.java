package coach.kam.when;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.kam.when.WhenParser.NotFound;
import coach.kam.when.WhenParser.Parsed;
import coach.kam.when.WhenParser.Result;
import coach.kam.when.WhenParser.Unclear;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/**
 * Whole reminder lines ("明天下午三点提醒我给王总打电话"). The table in when/reminder-lines.tsv was
 * written before the reader and held out: this test prints the share read right, per language, and
 * every miss, and fails under 95%.
 */
class WhenLinesTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final LocalDateTime SUNDAY_EVENING = LocalDateTime.of(2026, 11, 29, 20, 15, 42);
    private static final String TABLE = "/when/reminder-lines.tsv";
    /** Lines written after the reader, from trying it out: every one must be read right. */
    private static final String AFTER = "/when/reminder-lines-after.tsv";

    record Row(int line, String text, String expected, String third, LocalDateTime now) {
        boolean chinese() {
            return text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
        }
    }

    static Result line(String text, LocalDateTime now) {
        Clock clock = Clock.fixed(now.atZone(SHANGHAI).toInstant(), ZoneOffset.UTC);
        return new WhenParser(clock).line(text, SHANGHAI, LocalTime.of(9, 0));
    }

    static List<Row> rows() throws IOException {
        return rows(TABLE);
    }

    static List<Row> rows(String table) throws IOException {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                Objects.requireNonNull(WhenLinesTest.class.getResourceAsStream(table), table), StandardCharsets.UTF_8))) {
            List<String> lines = in.lines().toList();
            List<Row> rows = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                String l = lines.get(i);
                if (l.isBlank() || l.startsWith("#")) {
                    continue;
                }
                String[] f = l.split("\t", -1);
                rows.add(new Row(i + 1, f[0], f[1], f.length > 2 ? f[2] : "",
                        f.length > 3 && !f[3].isBlank() ? LocalDateTime.parse(f[3]) : SUNDAY_EVENING));
            }
            return rows;
        }
    }

    /** What the reader gave, in the table's own notation. */
    static String actual(Result r) {
        if (r instanceof Parsed p) {
            return p.at().toLocalDateTime() + "\t" + p.rest();
        }
        if (r instanceof Unclear u) {
            return "UNCLEAR " + u.reasonKey() + "\t" + u.phrase();
        }
        return "NOTFOUND\t";
    }

    @Test
    void heldOutLinesAreReadRight() throws IOException {
        List<Row> rows = rows();
        int[] right = new int[2];
        int[] total = new int[2];
        List<String> misses = new ArrayList<>();
        for (Row row : rows) {
            int lang = row.chinese() ? 0 : 1;
            total[lang]++;
            String expected = row.expected() + "\t" + (row.expected().equals("NOTFOUND") ? "" : row.third());
            String got = actual(line(row.text(), row.now()));
            if (expected.equals(got)) {
                right[lang]++;
            } else {
                misses.add("line " + row.line() + ": " + row.text() + "\n    expected " + expected + "\n    got      " + got);
            }
        }
        double share = (right[0] + right[1]) / (double) rows.size();
        System.out.printf("reminder lines (held out): %d/%d read right (%.1f%%); zh %d/%d, en %d/%d%n",
                right[0] + right[1], rows.size(), 100 * share, right[0], total[0], right[1], total[1]);
        misses.forEach(System.out::println);
        assertTrue(rows.size() >= 150, "rows: " + rows.size());
        assertTrue(share >= 0.95, "share read right: " + share);
    }

    @Test
    void linesWrittenAfterTheReaderAreAllReadRight() throws IOException {
        List<String> wrong = new ArrayList<>();
        List<Row> rows = rows(AFTER);
        for (Row row : rows) {
            String expected = row.expected() + "\t" + (row.expected().equals("NOTFOUND") ? "" : row.third());
            String got = actual(line(row.text(), row.now()));
            if (!expected.equals(got)) {
                wrong.add("line " + row.line() + ": " + row.text() + " expected " + expected + " got " + got);
            }
        }
        assertTrue(rows.size() >= 10, "rows: " + rows.size());
        assertEquals(List.of(), wrong);
    }

    @Test
    void theTaskKeepsItsWordsAndTheMarkerGoes() {
        Parsed p = (Parsed) line("提醒我周五前把报价单发给刘丽", SUNDAY_EVENING);
        assertEquals("把报价单发给刘丽", p.rest());
        assertEquals("周五前", p.phrase());
        Parsed en = (Parsed) line("remind me tomorrow", SUNDAY_EVENING);
        assertEquals("", en.rest());
        assertEquals(LocalDateTime.of(2026, 11, 30, 9, 0), en.at().toLocalDateTime());
    }

    @Test
    void aDeadlineRemindsAtTheCheckInHourGiven() {
        Clock clock = Clock.fixed(SUNDAY_EVENING.atZone(SHANGHAI).toInstant(), ZoneOffset.UTC);
        Parsed p = (Parsed) new WhenParser(clock).line("月底前提醒我催回款", SHANGHAI, LocalTime.of(8, 30));
        assertEquals(LocalDateTime.of(2026, 11, 30, 8, 30), p.at().toLocalDateTime());
    }

    @Test
    void onlyALineThatAsksIsAReminderRequest() {
        WhenParser parser = new WhenParser(Clock.fixed(SUNDAY_EVENING.atZone(SHANGHAI).toInstant(), ZoneOffset.UTC));
        assertTrue(parser.asksToRemind("明天下午三点提醒我给王总打电话"));
        assertTrue(parser.asksToRemind("提醒我给王总打电话"));
        assertTrue(parser.asksToRemind("请提醒我周五前交方案"));
        assertTrue(parser.asksToRemind("can you remind me to call jim tomorrow"));
        assertTrue(parser.asksToRemind("给王总打电话 明天下午3点提醒我"));
        assertFalse(parser.asksToRemind("王总提醒我下周要带样品"));
        assertFalse(parser.asksToRemind("客户提醒我们交期要提前"));
        assertFalse(parser.asksToRemind("jim reminded me of the price"));
        assertFalse(parser.asksToRemind("明天拜访王总"));
    }

    @Test
    void theTaskAloneWhenNoTimeIsGiven() {
        assertEquals("给王总打电话", WhenParser.withoutMarker("提醒我给王总打电话"));
        assertEquals("call jim", WhenParser.withoutMarker("please remind me to call jim"));
        assertTrue(line("提醒我给王总打电话", SUNDAY_EVENING) instanceof NotFound);
    }
}
