package coach.kam.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.awt.font.GlyphVector;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** The charts render as phone-sized PNGs with every Chinese label in the bundled font. */
class ChartsTest {
    private final Charts charts = new Charts();

    @Test
    void theBundledFontHasAGlyphForEveryLabelTheSamplesUse() {
        List<String> labels = labels();
        assertTrue(labels.size() > 20, "labels gathered: " + labels);
        Font font = ChartFont.of(Font.PLAIN, Charts.LABEL_SIZE);
        FontRenderContext frc = new FontRenderContext(null, true, true);
        for (String label : labels) {
            assertEquals(-1, ChartFont.missingAt(label), "a character without a glyph in " + label);
            GlyphVector glyphs = font.createGlyphVector(frc, label);
            for (int i = 0; i < glyphs.getNumGlyphs(); i++) {
                assertTrue(glyphs.getGlyphCode(i) != font.getMissingGlyphCode(), "missing-glyph box in " + label);
            }
        }
        assertTrue(font.getFamily(java.util.Locale.ROOT).startsWith("WenQuanYi Micro Hei"), font.getFamily());
    }

    @Test
    void aMissingGlyphIsNoticed() {
        // a character no font of ours covers (a private-use code point) is reported, so the check above can fail
        assertEquals(2, ChartFont.missingAt("目标\uE000"));
    }

    @Test
    void eachChartIsAPhoneSizedPngWithSomethingDrawn() throws Exception {
        for (byte[] png : List.of(charts.funnel(ChartSamples.funnel()), charts.bridge(ChartSamples.bridge()),
                charts.trend(ChartSamples.trend()), charts.matrix(ChartSamples.matrix()))) {
            assertEquals("PNG", new String(png, 1, 3, java.nio.charset.StandardCharsets.US_ASCII));
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
            assertTrue(image.getWidth() >= 1080, "width " + image.getWidth());
            assertTrue(colours(image) > 8, "a blank or near-blank chart");
        }
    }

    @Test
    void theChineseTitleIsDrawnAsGlyphsNotBoxes() {
        // the title row of the funnel holds ink, and drawing it with a font lacking the glyphs would
        // give the same width for every character; here 客 and 一 differ in ink
        BufferedImage a = textImage("客户组合矩阵");
        BufferedImage b = textImage("一一一一一一");
        assertTrue(ink(a) > 0 && ink(b) > 0);
        assertTrue(ink(a) > 2 * ink(b), "distinct glyphs: " + ink(a) + " vs " + ink(b));
    }

    @Test
    void emptyDataStillRenders() throws Exception {
        byte[] funnel = charts.funnel(new ChartData.Funnel("漏斗", "个", List.of(new ChartData.Stage("线索", 0, 0, "0"))));
        byte[] trend = charts.trend(new ChartData.Trend("趋势", "分", java.time.ZoneOffset.UTC, List.of()));
        byte[] matrix = charts.matrix(new ChartData.Matrix("矩阵", "分", "类", "未分类", "等级", List.of()));
        for (byte[] png : List.of(funnel, trend, matrix)) {
            assertTrue(ImageIO.read(new ByteArrayInputStream(png)).getWidth() >= 1080);
        }
    }

    private static BufferedImage textImage(String text) {
        BufferedImage img = new BufferedImage(600, 100, BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = img.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, 600, 100);
        g.setColor(java.awt.Color.BLACK);
        g.setFont(ChartFont.of(Font.PLAIN, 60f));
        g.drawString(text, 10, 75);
        g.dispose();
        return img;
    }

    private static int ink(BufferedImage img) {
        int n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                if ((img.getRGB(x, y) & 0xFF) < 128) {
                    n++;
                }
            }
        }
        return n;
    }

    private static int colours(BufferedImage img) {
        Set<Integer> seen = new HashSet<>();
        for (int y = 0; y < img.getHeight(); y += 3) {
            for (int x = 0; x < img.getWidth(); x += 3) {
                seen.add(img.getRGB(x, y));
            }
        }
        return seen.size();
    }

    private static List<String> labels() {
        List<String> out = new ArrayList<>();
        ChartData.Funnel f = ChartSamples.funnel();
        out.add(f.title());
        out.add(f.countWord());
        f.stages().forEach(s -> out.addAll(List.of(s.label(), s.amountText())));
        ChartData.Bridge b = ChartSamples.bridge();
        out.add(b.title());
        b.bars().forEach(x -> out.addAll(List.of(x.label(), x.valueText())));
        ChartData.Trend t = ChartSamples.trend();
        out.addAll(List.of(t.title(), t.scoreAxis()));
        t.lines().forEach(l -> out.add(l.name()));
        ChartData.Matrix m = ChartSamples.matrix();
        out.addAll(List.of(m.title(), m.scoreAxis(), m.classAxis(), m.noClass(), m.tierWord()));
        m.dots().stream().map(ChartData.Dot::name).forEach(out::add);
        return out.stream().map(Function.identity()).toList();
    }
}
