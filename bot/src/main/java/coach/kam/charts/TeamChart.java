package coach.kam.charts;

import java.awt.Color;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * The team's pipeline by rep: one bar per rep, as long as the rep's open deals, its dark part the
 * weighted forecast; each labelled with both amounts.
 */
final class TeamChart {
    private TeamChart() {
    }

    static JFreeChart build(ChartData.Team data) {
        DefaultCategoryDataset set = new DefaultCategoryDataset();
        for (ChartData.RepPipeline r : data.reps()) {
            set.addValue(r.weighted(), data.weightedLabel(), r.name());
            set.addValue(Math.max(0, r.total() - r.weighted()), data.restLabel(), r.name());
        }
        JFreeChart chart = ChartFactory.createStackedBarChart(data.title(), null, null, set,
                PlotOrientation.HORIZONTAL, true, false, false);
        Charts.styled(chart);
        LegendTitle legend = chart.getLegend();
        legend.setItemFont(Charts.labelFont());
        CategoryPlot plot = chart.getCategoryPlot();
        plot.getRangeAxis().setVisible(false);
        plot.getDomainAxis().setMaximumCategoryLabelWidthRatio(0.3f);
        plot.getDomainAxis().setCategoryMargin(0.3);
        StackedBarRenderer r = (StackedBarRenderer) plot.getRenderer();
        r.setBarPainter(new StandardBarPainter());
        r.setShadowVisible(false);
        r.setSeriesPaint(0, new Color(0x1565C0));
        r.setSeriesPaint(1, new Color(0x9EC5EE));
        r.setSeriesItemLabelsVisible(1, true);
        r.setSeriesItemLabelGenerator(1, Charts.byColumn(column -> data.reps().get(column).text()));
        r.setSeriesItemLabelFont(1, Charts.labelFont());
        r.setSeriesItemLabelPaint(1, new Color(0x102030));
        r.setSeriesPositiveItemLabelPosition(1, new ItemLabelPosition(ItemLabelAnchor.INSIDE3, TextAnchor.CENTER_RIGHT));
        return chart;
    }
}
