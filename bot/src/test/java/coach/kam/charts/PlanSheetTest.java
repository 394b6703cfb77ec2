package coach.kam.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one-page plan embeds the bundled font, and that font covers every Chinese character written. */
class PlanSheetTest {
    static PlanSheet.Content sample() {
        Charts charts = new Charts();
        return new PlanSheet.Content("大客户开发与生意提升计划", List.of("目标:现在 2000万 → 目标 4000万,差距 2000万,尚未落实 35%",
                "市场版图:大本营 2 · 制高点 1 · 放射线 3 · 采蘑菇 1 · 未放置 1"),
                List.of("客户", "等级", "分类", "版图", "现在 → 目标", "增长"),
                List.of(List.of("九州通医药", "A", "A", "大本营", "300万 → 600万", "+300万"),
                        List.of("华东医药", "B", "B", "制高点", "1000万 → 2000万", "+1000万")),
                List.of(charts.funnel(ChartSamples.funnel()), charts.bridge(ChartSamples.bridge()),
                        charts.trend(ChartSamples.trend()), charts.matrix(ChartSamples.matrix())));
    }

    @Test
    void theEmbeddedFontCoversTheChineseTextAndThePageReadsBack() throws Exception {
        PlanSheet.Content c = sample();
        BaseFont font = PlanSheet.baseFont();
        List<String> written = new ArrayList<>(c.lines());
        written.add(c.title());
        written.addAll(c.header());
        c.rows().forEach(written::addAll);
        for (String s : written) {
            s.codePoints().filter(cp -> !Character.isWhitespace(cp))
                    .forEach(cp -> assertTrue(font.charExists(cp), "no glyph for " + Character.toString(cp) + " in " + s));
        }
        assertTrue(!font.charExists(0xE000) || !font.charExists(0x10FFFF), "the check can fail");

        byte[] pdf = PlanSheet.render(c);
        PdfReader reader = new PdfReader(pdf);
        assertEquals(1, reader.getNumberOfPages(), "one page");
        PdfDictionary fonts = reader.getPageN(1).getAsDict(PdfName.RESOURCES).getAsDict(PdfName.FONT);
        boolean embedded = false;
        for (PdfName key : fonts.getKeys()) {
            PdfDictionary f = fonts.getAsDict(key);
            assertTrue(f.get(PdfName.BASEFONT).toString().contains("WenQuanYi"), f.get(PdfName.BASEFONT).toString());
            PdfDictionary descendant = f.getAsArray(PdfName.DESCENDANTFONTS).getAsDict(0);
            PdfDictionary descriptor = descendant.getAsDict(PdfName.FONTDESCRIPTOR);
            embedded |= descriptor.get(PdfName.FONTFILE2) != null;
        }
        assertTrue(embedded, "the font program is in the file");
        String text = new PdfTextExtractor(reader).getTextFromPage(1);
        reader.close();
        for (String s : List.of("大客户开发与生意提升计划", "九州通医药", "大本营", "现在 → 目标")) {
            assertTrue(text.contains(s), "'" + s + "' reads back from the page:\n" + text);
        }
    }
}
