package coach.kam.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class MessageSplitterTest {
    private static final int TELEGRAM_LIMIT = 4096;
    private static final Pattern ENTITY = Pattern.compile("&(?:amp|lt|gt|quot|#[0-9]+|#x[0-9a-fA-F]+);");

    private static void assertPartsFit(List<String> parts) {
        for (String p : parts) {
            assertTrue(p.length() <= TELEGRAM_LIMIT, "part of " + p.length() + " chars");
            assertFalse(p.isBlank(), "blank part");
        }
    }

    /** Every '&' in the part starts a whole entity. */
    private static void assertWholeEntities(String part) {
        for (int i = part.indexOf('&'); i >= 0; i = part.indexOf('&', i + 1)) {
            Matcher m = ENTITY.matcher(part).region(i, part.length());
            assertTrue(m.lookingAt(), "broken entity at " + i + ": …" + part.substring(Math.max(0, i - 5),
                    Math.min(part.length(), i + 8)) + "…");
        }
    }

    private static void assertNoBrokenSurrogates(String part) {
        assertFalse(Character.isLowSurrogate(part.charAt(0)), "part starts with a low surrogate");
        assertFalse(Character.isHighSurrogate(part.charAt(part.length() - 1)), "part ends with a high surrogate");
    }

    @Test
    void shortTextIsOnePartUnchanged() {
        String html = "<b>ACME</b>\n• one &amp; two\n• three";
        assertEquals(List.of(html), MessageSplitter.split(html));
    }

    @Test
    void textOfExactlyTheLimitIsOnePart() {
        String html = "x".repeat(MessageSplitter.LIMIT);
        assertEquals(List.of(html), MessageSplitter.split(html));
    }

    @Test
    void limitLeavesRoomUnderTelegramsMaximum() {
        assertTrue(MessageSplitter.LIMIT <= TELEGRAM_LIMIT);
    }

    @Test
    void emptyTextGivesOneNonBlankPart() {
        List<String> parts = MessageSplitter.split("");
        assertEquals(1, parts.size());
        assertFalse(parts.get(0).isBlank());
    }

    @Test
    void longTextIsSplitAtLineBreaks() {
        StringBuilder b = new StringBuilder();
        int n = 0;
        while (b.length() < 10_000) {
            b.append(n > 0 ? "\n" : "").append("line ").append(n++).append(" <b>bold</b> &amp; ").append("y".repeat(30));
        }
        String html = b.toString();

        List<String> parts = MessageSplitter.split(html);

        assertTrue(parts.size() >= 3, "10,000 chars need at least 3 parts, got " + parts.size());
        assertPartsFit(parts);
        assertEquals(html, String.join("\n", parts), "cut only at line breaks, nothing lost");
        for (String p : parts) {
            assertTrue(p.startsWith("line "), "each part starts at a line start: " + p.substring(0, 10));
            assertWholeEntities(p);
            assertBalancedTags(p);
        }
    }

    @Test
    void singleLongLineIsSplitWithoutLosingAnything() {
        String html = "abcdefghij".repeat(900);

        List<String> parts = MessageSplitter.split(html);

        assertEquals(9000, html.length());
        assertTrue(parts.size() >= 3, "got " + parts.size());
        assertPartsFit(parts);
        assertEquals(html, String.join("", parts));
    }

    @Test
    void longLineBetweenShortLinesKeepsAllContent() {
        String html = "intro\n" + "z".repeat(9000) + "\noutro";

        List<String> parts = MessageSplitter.split(html);

        assertPartsFit(parts);
        assertEquals(html.replace("\n", ""), String.join("", parts).replace("\n", ""));
        assertEquals("intro", parts.get(0));
        assertTrue(parts.get(parts.size() - 1).endsWith("\noutro"));
    }

    static Stream<Arguments> entityPositions() {
        // place the entity so that it starts anywhere from 10 characters before the limit up to the limit
        return Stream.of("&amp;", "&lt;", "&gt;", "&quot;")
                .flatMap(e -> IntStream.rangeClosed(MessageSplitter.LIMIT - 10, MessageSplitter.LIMIT)
                        .mapToObj(at -> Arguments.of(e, at)));
    }

    @ParameterizedTest
    @MethodSource("entityPositions")
    void neverCutsInsideAnEntity(String entity, int at) {
        String html = "a".repeat(at) + entity + "b".repeat(5000);

        List<String> parts = MessageSplitter.split(html);

        assertPartsFit(parts);
        assertEquals(html, String.join("", parts));
        parts.forEach(MessageSplitterTest::assertWholeEntities);
    }

    @Test
    void manyEntitiesInALongLineStayWhole() {
        String html = "Tom &amp; Jerry &lt;3 &quot;x&quot; ".repeat(400);

        List<String> parts = MessageSplitter.split(html);

        assertTrue(parts.size() >= 3);
        assertPartsFit(parts);
        assertEquals(html, String.join("", parts));
        parts.forEach(MessageSplitterTest::assertWholeEntities);
    }

    @ParameterizedTest
    @ValueSource(ints = {-3, -2, -1, 0, 1})
    void neverSplitsASurrogatePair(int offset) {
        String html = "a".repeat(MessageSplitter.LIMIT + offset) + "😀".repeat(3000);

        List<String> parts = MessageSplitter.split(html);

        assertPartsFit(parts);
        assertEquals(html, String.join("", parts));
        parts.forEach(MessageSplitterTest::assertNoBrokenSurrogates);
    }

    @Test
    void lineOfOnlyEmojiIsSplitOnPairBoundaries() {
        String html = "😀".repeat(5000); // 10,000 UTF-16 units

        List<String> parts = MessageSplitter.split(html);

        assertPartsFit(parts);
        assertEquals(html, String.join("", parts));
        parts.forEach(MessageSplitterTest::assertNoBrokenSurrogates);
    }

    @Test
    void chineseTextKeepsAllCharacters() {
        String html = ("华润万家客户拜访记录，价格异议处理。\n").repeat(800);

        List<String> parts = MessageSplitter.split(html);

        assertPartsFit(parts);
        assertEquals(html.strip(), String.join("\n", parts).strip());
    }

    @Test
    void longLineWithMarkupIsCutIntoValidHtmlParts() {
        String html = "x".repeat(MessageSplitter.LIMIT - 2) + "<b>bold words</b>" + "y".repeat(5000);

        List<String> parts = MessageSplitter.split(html);

        assertPartsFit(parts);
        parts.forEach(MessageSplitterTest::assertBalancedTags);
    }

    /** Only b, i and code tags, properly nested, and no '<' outside a tag. */
    private static void assertBalancedTags(String part) {
        Deque<String> open = new ArrayDeque<>();
        Matcher m = Pattern.compile("<(/?)([a-z]+)>").matcher(part);
        int pos = 0;
        while (m.find()) {
            assertFalse(part.substring(pos, m.start()).contains("<"), "stray '<' in " + part);
            assertFalse(part.substring(pos, m.start()).contains(">"), "stray '>' in " + part);
            if (m.group(1).isEmpty()) {
                open.push(m.group(2));
            } else {
                assertEquals(m.group(2), open.poll(), "unbalanced close tag in part");
            }
            pos = m.end();
        }
        assertFalse(part.substring(pos).contains("<"), "stray '<' in part");
        assertFalse(part.substring(pos).contains(">"), "stray '>' in part");
        assertTrue(open.isEmpty(), "unclosed " + open);
    }
}
