package coach.kam.charts;

import java.awt.Color;
import java.awt.Font;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.title.TextTitle;

/**
 * Renders the four charts as PNG bytes, sized for a phone: 1200 px wide, type from 30 px up. Each
 * call builds its own chart, so renders may run on several threads at once.
 */
public final class Charts {
    /** Width and height of every chart, in pixels. */
    public static final int WIDTH = 1200;
    public static final int HEIGHT = 1000;
    static final float TITLE_SIZE = 52f;
    static final float LABEL_SIZE = 34f;
    static final float SMALL_SIZE = 30f;
    /** Tier colours: A green, B blue, C amber, D red; no tier grey. */
    static final Map<String, Color> TIER_COLOURS = Map.of("A", new Color(0x2E7D32), "B", new Color(0x1565C0),
            "C", new Color(0xEF8F00), "D", new Color(0xC62828), "", new Color(0x9E9E9E));

    public byte[] funnel(ChartData.Funnel data) {
        return png(FunnelChart.build(data));
    }

    public byte[] team(ChartData.Team data) {
        return png(TeamChart.build(data));
    }

    public byte[] bridge(ChartData.Bridge data) {
        return png(BridgeChart.build(data));
    }

    public byte[] trend(ChartData.Trend data) {
        return png(TrendChart.build(data));
    }

    public byte[] matrix(ChartData.Matrix data) {
        return png(MatrixChart.build(data));
    }

    /** The chart drawn as an image (what {@link #funnel} and the others encode). */
    static BufferedImage image(JFreeChart chart) {
        return chart.createBufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB, null);
    }

    static byte[] png(JFreeChart chart) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        try {
            ImageIO.write(image(chart), "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The bundled font at every size the chart uses, white background, no shadows. */
    static JFreeChart styled(JFreeChart chart) {
        StandardChartTheme theme = new StandardChartTheme("kam-coach", false);
        theme.setExtraLargeFont(ChartFont.of(Font.BOLD, TITLE_SIZE));
        theme.setLargeFont(ChartFont.of(Font.PLAIN, LABEL_SIZE));
        theme.setRegularFont(ChartFont.of(Font.PLAIN, LABEL_SIZE));
        theme.setSmallFont(ChartFont.of(Font.PLAIN, SMALL_SIZE));
        theme.setChartBackgroundPaint(Color.WHITE);
        theme.setPlotBackgroundPaint(Color.WHITE);
        theme.setDomainGridlinePaint(new Color(0xDDDDDD));
        theme.setRangeGridlinePaint(new Color(0xDDDDDD));
        theme.setShadowVisible(false);
        theme.apply(chart);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        TextTitle title = chart.getTitle();
        if (title != null) {
            title.setPadding(20, 10, 20, 10);
        }
        chart.setPadding(new org.jfree.chart.ui.RectangleInsets(10, 20, 20, 30));
        return chart;
    }

    static Font labelFont() {
        return ChartFont.of(Font.BOLD, SMALL_SIZE);
    }

    /** Item labels for a category chart, one per column. */
    static org.jfree.chart.labels.CategoryItemLabelGenerator byColumn(java.util.function.IntFunction<String> label) {
        return new org.jfree.chart.labels.CategoryItemLabelGenerator() {
            @Override
            public String generateRowLabel(org.jfree.data.category.CategoryDataset dataset, int row) {
                return String.valueOf(dataset.getRowKey(row));
            }

            @Override
            public String generateColumnLabel(org.jfree.data.category.CategoryDataset dataset, int column) {
                return String.valueOf(dataset.getColumnKey(column));
            }

            @Override
            public String generateLabel(org.jfree.data.category.CategoryDataset dataset, int row, int column) {
                return label.apply(column);
            }
        };
    }

    static Color tierColour(String tier) {
        return TIER_COLOURS.getOrDefault(tier == null ? "" : tier, TIER_COLOURS.get(""));
    }
}
