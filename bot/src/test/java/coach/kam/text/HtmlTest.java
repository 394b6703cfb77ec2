package coach.kam.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HtmlTest {

    @Test
    void escapesTheFourSpecialCharacters() {
        assertEquals("&lt;", Html.escape("<"));
        assertEquals("&gt;", Html.escape(">"));
        assertEquals("&amp;", Html.escape("&"));
        assertEquals("&quot;", Html.escape("\""));
        assertEquals("&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&lt;/a&gt;", Html.escape("<a href=\"x\">Tom & Jerry</a>"));
    }

    @Test
    void escapingAnEntityEscapesItsAmpersand() {
        assertEquals("&amp;amp;", Html.escape("&amp;"));
        assertEquals("&amp;lt;b&amp;gt;", Html.escape("&lt;b&gt;"));
    }

    @Test
    void leavesOrdinaryTextAlone() {
        String text = "华润万家 — it's 100% fine * ** `code` 😀\n• next line";
        assertEquals(text, Html.escape(text));
    }

    @Test
    void nullEscapesToEmpty() {
        assertEquals("", Html.escape(null));
        assertEquals("", Html.escape(""));
    }

    @Test
    void boldWrapsInBTags() {
        assertEquals("<b>A &amp; B</b>", Html.bold(Html.escape("A & B")));
    }

    @Test
    void toPlainDropsTagsAndDecodesEntities() {
        assertEquals("Price & value: \"a < b > c\"",
                Html.toPlain("<b>Price &amp; value</b>: <i>&quot;a &lt; b &gt; c&quot;</i>"));
        assertEquals("line one\nline two", Html.toPlain("<b>line one</b>\n<code>line two</code>"));
    }

    @Test
    void toPlainDecodesAmpersandLast() {
        // "&amp;lt;" is the text "&lt;", not "<"
        assertEquals("&lt;", Html.toPlain("&amp;lt;"));
        assertEquals("&quot;", Html.toPlain("&amp;quot;"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "plain", "a < b && c > \"d\"", "&amp;", "&lt;b&gt;", "<b>not a tag</b>",
            "&&&;;;<<>>", "Tom & Jerry's \"show\"", "华润 <万家> & 永辉", "&quot;&amp;lt;", "x <y", "1 > 0 < 2",
            "emoji 😀 & <tag>"})
    void toPlainOfEscapeIsTheOriginal(String text) {
        assertEquals(text, Html.toPlain(Html.escape(text)));
    }

    @Test
    void toPlainOfBoldEscapedTextIsTheText() {
        String text = "<script>alert('x')</script> & more";
        assertEquals(text, Html.toPlain(Html.bold(Html.escape(text))));
    }

    // ---- fromMarkdown ----

    @Test
    void doubleStarsBecomeBold() {
        assertEquals("<b>Price</b> is not the point, <b>value</b> is", Html.fromMarkdown("**Price** is not the point, **value** is"));
    }

    @Test
    void unclosedDoubleStarsStayAsText() {
        assertEquals("a **b", Html.fromMarkdown("a **b"));
        assertEquals("<b>a</b> b **c", Html.fromMarkdown("**a** b **c"));
    }

    @Test
    void boldNeverSpansLines() {
        String html = Html.fromMarkdown("**start\nend**");
        assertEquals("**start\nend**", html);
        assertFalse(html.contains("<b>"));
    }

    @Test
    void dashAndStarBulletsBecomeDots() {
        assertEquals("• one\n• two\n• nested", Html.fromMarkdown("- one\n* two\n   - nested"));
    }

    @Test
    void starWithoutSpaceIsNotABullet() {
        assertEquals("*not a bullet*", Html.fromMarkdown("*not a bullet*"));
        assertEquals("-5 degrees", Html.fromMarkdown("-5 degrees"));
    }

    @Test
    void bulletWithBold() {
        assertEquals("• <b>Ask</b>: what worries them?", Html.fromMarkdown("- **Ask**: what worries them?"));
    }

    @Test
    void thirdLevelHeadingBecomesBold() {
        assertEquals("<b>Next steps</b>\ntext", Html.fromMarkdown("### Next steps\ntext"));
    }

    @Test
    void userTextInsideIsEscaped() {
        assertEquals("a &lt; b &amp;&amp; <b>c &gt; &quot;d&quot;</b>", Html.fromMarkdown("a < b && **c > \"d\"**"));
        assertEquals("• &lt;script&gt;alert(1)&lt;/script&gt;", Html.fromMarkdown("- <script>alert(1)</script>"));
        assertEquals("<b>&lt;b&gt;</b>", Html.fromMarkdown("**<b>**"));
    }

    @Test
    void entitiesInMarkdownAreShownLiterally() {
        assertEquals("&amp;amp; stays visible", Html.fromMarkdown("&amp; stays visible"));
    }

    @Test
    void keepsInnerBlankLinesAndStripsOuterOnes() {
        assertEquals("para one\n\npara two", Html.fromMarkdown("\n\npara one\n\npara two\n\n"));
    }

    @Test
    void fromMarkdownThenToPlainGivesReadableText() {
        assertEquals("• Tom & Jerry <3\nTitle", Html.toPlain(Html.fromMarkdown("- Tom & **Jerry** <3\n### Title")));
    }
}
