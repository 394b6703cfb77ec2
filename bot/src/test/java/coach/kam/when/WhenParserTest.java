package coach.kam.when;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.kam.when.WhenParser.NotFound;
import coach.kam.when.WhenParser.Parsed;
import coach.kam.when.WhenParser.Result;
import coach.kam.when.WhenParser.Unclear;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class WhenParserTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    /** Sunday; the seconds and nanoseconds check that results are cut to the minute. */
    private static final LocalDateTime SUNDAY_EVENING = LocalDateTime.of(2026, 11, 29, 20, 15, 42, 500_000_000);
    private static final String TABLE = "/when/phrasings.tsv";

    record Row(int line, String text, String expected, String third, LocalDateTime now) {
        boolean chinese() {
            return text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
        }

        @Override
        public String toString() {
            return "line " + line + ": " + text;
        }
    }

    private static Result parse(String text, LocalDateTime now, ZoneId zone) {
        Clock clock = Clock.fixed(now.atZone(zone).toInstant(), ZoneOffset.UTC);
        return new WhenParser(clock).parse(text, zone);
    }

    static List<Row> rows() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                Objects.requireNonNull(WhenParserTest.class.getResourceAsStream(TABLE), TABLE),
                StandardCharsets.UTF_8))) {
            List<String> lines = in.lines().toList();
            return IntStream.range(0, lines.size())
                    .filter(i -> !lines.get(i).isBlank() && !lines.get(i).startsWith("#"))
                    .mapToObj(i -> row(i + 1, lines.get(i)))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Row row(int line, String text) {
        String[] f = text.split("\t", -1);
        String third = f.length > 2 ? f[2] : "";
        LocalDateTime now = f.length > 3 && !f[3].isBlank() ? LocalDateTime.parse(f[3]) : SUNDAY_EVENING;
        return new Row(line, f[0], f[1], third, now);
    }

    static Stream<Arguments> table() {
        return rows().stream().map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void phrasing(Row row) {
        Result result = parse(row.text(), row.now(), SHANGHAI);
        if (row.expected().equals("NOTFOUND")) {
            assertInstanceOf(NotFound.class, result);
        } else if (row.expected().startsWith("UNCLEAR ")) {
            Unclear unclear = assertInstanceOf(Unclear.class, result);
            assertEquals(row.expected().substring("UNCLEAR ".length()), unclear.reasonKey(), "reason");
            assertEquals(row.third(), unclear.phrase(), "phrase");
        } else {
            Parsed parsed = assertInstanceOf(Parsed.class, result);
            assertEquals(LocalDateTime.parse(row.expected()), parsed.at().toLocalDateTime(), "at");
            assertEquals(SHANGHAI, parsed.at().getZone());
            assertEquals(row.third(), parsed.rest(), "rest");
        }
    }

    @Test
    void theTableHoldsAtLeastFortyPhrasingsPerLanguage() {
        List<Row> rows = rows();
        long chinese = rows.stream().filter(Row::chinese).count();
        assertTrue(chinese >= 40, "Chinese phrasings: " + chinese);
        assertTrue(rows.size() - chinese >= 40, "English phrasings: " + (rows.size() - chinese));
    }

    @Test
    void thePhraseIsTheTimeWordsAsTyped() {
        Parsed parsed = (Parsed) parse("明天上午１０点半，拜访王总", SUNDAY_EVENING, SHANGHAI);
        assertEquals("明天上午１０点半", parsed.phrase());
        assertEquals("拜访王总", parsed.rest());
        assertEquals("tomorrow at 9am", ((Parsed) parse("tomorrow at 9am: send deck", SUNDAY_EVENING, SHANGHAI)).phrase());
    }

    @Test
    void resultsAreCutToTheMinute() {
        Parsed parsed = (Parsed) parse("in 1 minute", SUNDAY_EVENING, SHANGHAI);
        assertEquals(ZonedDateTime.of(2026, 11, 29, 20, 16, 0, 0, SHANGHAI), parsed.at());
        Parsed zh = (Parsed) parse("30分钟后", LocalDateTime.of(2026, 11, 29, 20, 15, 59, 999_999_999), SHANGHAI);
        assertEquals(0, zh.at().getSecond());
        assertEquals(0, zh.at().getNano());
        assertEquals(45, zh.at().getMinute());
    }

    @Test
    void tomorrowAtNineStaysNineAcrossTheSpringChange() {
        Parsed parsed = (Parsed) parse("tomorrow 9:00 call Li", LocalDateTime.of(2027, 3, 27, 18, 0), PARIS);
        assertEquals(ZonedDateTime.of(2027, 3, 28, 9, 0, 0, 0, PARIS), parsed.at());
        assertEquals(ZoneOffset.ofHours(2), parsed.at().getOffset());
        Parsed zh = (Parsed) parse("明天9点", LocalDateTime.of(2027, 3, 27, 18, 0), PARIS);
        assertEquals(parsed.at(), zh.at());
    }

    @Test
    void hoursFromNowAreElapsedHoursAcrossTheSpringChange() {
        LocalDateTime beforeGap = LocalDateTime.of(2027, 3, 28, 1, 30);
        Parsed parsed = (Parsed) parse("in 2 hours", beforeGap, PARIS);
        assertEquals(LocalDateTime.of(2027, 3, 28, 4, 30), parsed.at().toLocalDateTime());
        assertEquals(Duration.ofHours(2), Duration.between(beforeGap.atZone(PARIS), parsed.at()));
    }

    @Test
    void daysFromNowKeepTheWallClockAcrossTheSpringChange() {
        Parsed parsed = (Parsed) parse("in 1 day", LocalDateTime.of(2027, 3, 27, 10, 0), PARIS);
        assertEquals(LocalDateTime.of(2027, 3, 28, 10, 0), parsed.at().toLocalDateTime());
    }

    @Test
    void aTimeInsideTheSpringGapMovesForward() {
        Parsed parsed = (Parsed) parse("tomorrow 2:30am", LocalDateTime.of(2027, 3, 27, 18, 0), PARIS);
        assertEquals(LocalDateTime.of(2027, 3, 28, 3, 30), parsed.at().toLocalDateTime());
    }

    @Test
    void hoursFromNowAreElapsedHoursAcrossTheAutumnChange() {
        LocalDateTime before = LocalDateTime.of(2027, 10, 31, 1, 30);
        Parsed parsed = (Parsed) parse("2小时后", before, PARIS);
        assertEquals(Duration.ofHours(2), Duration.between(before.atZone(PARIS), parsed.at()));
        assertEquals(ZoneOffset.ofHours(1), parsed.at().getOffset());
    }

    @Test
    void theDayIsTheDayInTheZoneGiven() {
        // 20:15 in Shanghai is 07:15 the same day in New York
        Parsed parsed = (Parsed) parse("today 5pm", SUNDAY_EVENING.atZone(SHANGHAI)
                .withZoneSameInstant(ZoneId.of("America/New_York")).toLocalDateTime(), ZoneId.of("America/New_York"));
        assertEquals(LocalDateTime.of(2026, 11, 29, 17, 0), parsed.at().toLocalDateTime());
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "，", "hello", "王总说明天再聊"})
    void textWithoutALeadingTimeIsNotFound(String text) {
        assertInstanceOf(NotFound.class, parse(text, SUNDAY_EVENING, SHANGHAI));
    }
}
