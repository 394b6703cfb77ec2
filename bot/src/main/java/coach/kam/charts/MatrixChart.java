package coach.kam.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The portfolio matrix: every account as a dot, its evaluation score across and its class up (A at
 * the top, the unclassified at the bottom), coloured by tier and labelled with its name. Dots that
 * would sit on each other are spread a little up and down.
 */
final class MatrixChart {
    private static final String[] TIERS = {"A", "B", "C", "D", ""};
    private static final double DOT = 30;
    private static final int NAME_CHARS = 8;

    private MatrixChart() {
    }

    static JFreeChart build(ChartData.Matrix data) {
        XYSeriesCollection set = new XYSeriesCollection();
        List<List<String>> names = new ArrayList<>();
        List<String> shown = new ArrayList<>();
        Map<String, Integer> crowd = new HashMap<>();
        for (String tier : TIERS) {
            XYSeries s = new XYSeries(tier.isEmpty() ? data.tierWord() + " —" : data.tierWord() + " " + tier, false, true);
            List<String> labels = new ArrayList<>();
            for (ChartData.Dot d : data.dots()) {
                if (tier.equals(d.tier() == null ? "" : d.tier())) {
                    int row = row(d.accountClass());
                    int score = Math.max(0, Math.min(100, d.score()));
                    int k = crowd.merge(row + "/" + score / 6, 1, Integer::sum) - 1;
                    s.add(score, row + spread(k));
                    labels.add(shortName(d.name()));
                }
            }
            if (!s.isEmpty()) {
                set.addSeries(s);
                names.add(labels);
                shown.add(tier);
            }
        }
        JFreeChart chart = ChartFactory.createScatterPlot(data.title(), data.scoreAxis(), data.classAxis(), set,
                PlotOrientation.VERTICAL, true, false, false);
        Charts.styled(chart);
        XYPlot plot = chart.getXYPlot();
        ((NumberAxis) plot.getDomainAxis()).setRange(0, 105);
        SymbolAxis classes = new SymbolAxis(data.classAxis(), new String[] {data.noClass(), "D", "C", "B", "A"});
        classes.setRange(-0.6, 4.6);
        classes.setGridBandsVisible(false);
        plot.setRangeAxis(classes);
        Charts.styled(chart);
        plot.addDomainMarker(new ValueMarker(50, new Color(0xBBBBBB), new BasicStroke(3f)));
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(false, true);
        for (int i = 0; i < shown.size(); i++) {
            r.setSeriesPaint(i, Charts.tierColour(shown.get(i)));
            r.setSeriesShape(i, new Ellipse2D.Double(-DOT / 2, -DOT / 2, DOT, DOT));
        }
        r.setDefaultItemLabelsVisible(true);
        r.setDefaultItemLabelGenerator((dataset, series, item) -> names.get(series).get(item));
        r.setDefaultItemLabelFont(ChartFont.of(java.awt.Font.PLAIN, Charts.SMALL_SIZE));
        r.setDefaultItemLabelPaint(new Color(0x102030));
        r.setDefaultPositiveItemLabelPosition(new ItemLabelPosition(ItemLabelAnchor.OUTSIDE3, TextAnchor.CENTER_LEFT));
        r.setDefaultNegativeItemLabelPosition(new ItemLabelPosition(ItemLabelAnchor.OUTSIDE3, TextAnchor.CENTER_LEFT));
        r.setItemLabelAnchorOffset(8);
        plot.setRenderer(r);
        return chart;
    }

    /** A at the top (4), D at 1, not classified at 0. */
    static int row(String accountClass) {
        if (accountClass == null || accountClass.length() != 1) {
            return 0;
        }
        int i = "DCBA".indexOf(accountClass.charAt(0));
        return i < 0 ? 0 : i + 1;
    }

    /** 0, +0.2, -0.2, +0.4, -0.4: where the k-th dot of a crowded spot goes. */
    private static double spread(int k) {
        if (k == 0) {
            return 0;
        }
        double step = 0.2 * ((k + 1) / 2);
        return Math.min(0.45, step) * (k % 2 == 1 ? 1 : -1);
    }

    private static String shortName(String name) {
        return name.codePointCount(0, name.length()) <= NAME_CHARS ? name
                : name.substring(0, name.offsetByCodePoints(0, NAME_CHARS)) + "…";
    }
}
