package coach.kam.charts;

import java.awt.Color;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * The pipeline as a funnel: one centred bar per stage, top to bottom in lead-to-cash order, as wide
 * as the stage's open amount (or its count when no deal has an amount), labelled with both.
 */
final class FunnelChart {
    private static final String LEFT = "l";
    private static final String BAR = "b";
    private static final String RIGHT = "r";
    /** A stage with little money still shows as a sliver. */
    private static final double MIN_SHARE = 0.03;

    private FunnelChart() {
    }

    static JFreeChart build(ChartData.Funnel data) {
        boolean byAmount = data.stages().stream().anyMatch(s -> s.amount() > 0);
        double max = data.stages().stream().mapToDouble(s -> byAmount ? s.amount() : s.count()).max().orElse(0);
        DefaultCategoryDataset set = new DefaultCategoryDataset();
        for (ChartData.Stage s : data.stages()) {
            double raw = byAmount ? s.amount() : s.count();
            double width = max <= 0 ? 0 : Math.max(raw, raw > 0 ? max * MIN_SHARE : 0);
            double pad = max <= 0 ? 0 : (max - width) / 2;
            set.addValue(pad, LEFT, s.label());
            set.addValue(width, BAR, s.label());
            set.addValue(pad, RIGHT, s.label());
        }
        JFreeChart chart = ChartFactory.createStackedBarChart(data.title(), null, null, set,
                PlotOrientation.HORIZONTAL, false, false, false);
        Charts.styled(chart);
        CategoryPlot plot = chart.getCategoryPlot();
        plot.getRangeAxis().setVisible(false);
        plot.setRangeGridlinesVisible(false);
        CategoryAxis stages = plot.getDomainAxis();
        stages.setMaximumCategoryLabelWidthRatio(0.35f);
        stages.setMaximumCategoryLabelLines(2);
        stages.setCategoryMargin(0.25);
        StackedBarRenderer r = (StackedBarRenderer) plot.getRenderer();
        r.setBarPainter(new StandardBarPainter());
        r.setShadowVisible(false);
        r.setSeriesPaint(0, new Color(0, 0, 0, 0));
        r.setSeriesPaint(1, new Color(0x64A0DC));
        r.setSeriesPaint(2, new Color(0, 0, 0, 0));
        r.setSeriesItemLabelsVisible(1, true);
        r.setSeriesItemLabelGenerator(1, Charts.byColumn(column -> label(data, column)));
        r.setSeriesItemLabelFont(1, Charts.labelFont());
        r.setSeriesItemLabelPaint(1, new Color(0x102030));
        ItemLabelPosition centre = new ItemLabelPosition(ItemLabelAnchor.CENTER, TextAnchor.CENTER);
        r.setSeriesPositiveItemLabelPosition(1, centre);
        return chart;
    }

    private static String label(ChartData.Funnel data, int column) {
        ChartData.Stage s = data.stages().get(column);
        if (s.count() == 0) {
            return "0";
        }
        String amount = s.amount() > 0 ? s.amountText() + " · " : "";
        return amount + s.count() + " " + data.countWord();
    }
}
