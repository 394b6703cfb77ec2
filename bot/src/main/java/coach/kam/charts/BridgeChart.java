package coach.kam.charts;

import java.awt.Color;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.category.WaterfallBarRenderer;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * The target bridge as a waterfall: where the rep stands, what the accounts' targets add, the gap
 * still on no account, and the target; each bar labelled with its amount.
 */
final class BridgeChart {
    private static final String SERIES = "bridge";

    private BridgeChart() {
    }

    static JFreeChart build(ChartData.Bridge data) {
        DefaultCategoryDataset set = new DefaultCategoryDataset();
        for (ChartData.Bar b : data.bars()) {
            set.addValue(b.value(), SERIES, b.label());
        }
        JFreeChart chart = ChartFactory.createWaterfallChart(data.title(), null, null, set,
                PlotOrientation.VERTICAL, false, false, false);
        Charts.styled(chart);
        CategoryPlot plot = chart.getCategoryPlot();
        plot.getRangeAxis().setTickLabelsVisible(false);
        plot.getRangeAxis().setTickMarksVisible(false);
        plot.getRangeAxis().setUpperMargin(0.12);
        plot.getDomainAxis().setMaximumCategoryLabelLines(2);
        plot.getDomainAxis().setCategoryMargin(0.15);
        WaterfallBarRenderer r = new WaterfallBarRenderer(new Color(0x607D8B), new Color(0x64A0DC),
                new Color(0xC62828), new Color(0x2E7D32));
        r.setBarPainter(new StandardBarPainter());
        r.setShadowVisible(false);
        r.setDefaultItemLabelsVisible(true);
        r.setDefaultItemLabelGenerator(Charts.byColumn(column -> data.bars().get(column).valueText()));
        r.setDefaultItemLabelFont(Charts.labelFont());
        r.setDefaultItemLabelPaint(new Color(0x102030));
        r.setDefaultPositiveItemLabelPosition(new ItemLabelPosition(ItemLabelAnchor.OUTSIDE12, TextAnchor.BOTTOM_CENTER));
        r.setDefaultNegativeItemLabelPosition(new ItemLabelPosition(ItemLabelAnchor.OUTSIDE6, TextAnchor.TOP_CENTER));
        plot.setRenderer(r);
        return chart;
    }
}
