package coach.kam.charts;

import java.awt.BasicStroke;
import java.awt.geom.Ellipse2D;
import java.text.SimpleDateFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.TimeZone;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The tier trend: each account's evaluation scores (0-100) over time, one line per account, every
 * point labelled with its tier letter.
 */
final class TrendChart {
    private static final double POINT = 22;

    private TrendChart() {
    }

    static JFreeChart build(ChartData.Trend data) {
        XYSeriesCollection set = new XYSeriesCollection();
        List<List<String>> tiers = new ArrayList<>();
        for (ChartData.Line line : data.lines()) {
            String key = set.getSeriesIndex(line.name()) < 0 ? line.name() : line.name() + " (" + (tiers.size() + 1) + ")";
            XYSeries s = new XYSeries(key, false, true);
            List<String> letters = new ArrayList<>();
            line.points().stream().sorted(java.util.Comparator.comparing(ChartData.Point::at)).forEach(p -> {
                s.add(p.at().toEpochMilli(), p.score());
                letters.add(p.tier() == null ? "" : p.tier());
            });
            set.addSeries(s);
            tiers.add(letters);
        }
        JFreeChart chart = ChartFactory.createTimeSeriesChart(data.title(), null, data.scoreAxis(), set,
                data.lines().size() > 1, false, false);
        Charts.styled(chart);
        XYPlot plot = chart.getXYPlot();
        DateAxis time = (DateAxis) plot.getDomainAxis();
        SimpleDateFormat format = new SimpleDateFormat("yyyy-MM-dd");
        format.setTimeZone(TimeZone.getTimeZone(data.zone()));
        time.setDateFormatOverride(format);
        time.setTimeZone(TimeZone.getTimeZone(data.zone()));
        time.setLowerMargin(0.06);
        time.setUpperMargin(0.06);
        NumberAxis score = (NumberAxis) plot.getRangeAxis();
        score.setRange(0, 105);
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, true);
        for (int i = 0; i < data.lines().size(); i++) {
            r.setSeriesStroke(i, new BasicStroke(5f));
            r.setSeriesShape(i, new Ellipse2D.Double(-POINT / 2, -POINT / 2, POINT, POINT));
        }
        r.setDefaultItemLabelsVisible(true);
        r.setDefaultItemLabelGenerator((dataset, series, item) -> tiers.get(series).get(item));
        r.setDefaultItemLabelFont(ChartFont.of(java.awt.Font.BOLD, Charts.LABEL_SIZE));
        r.setDefaultPositiveItemLabelPosition(new ItemLabelPosition(ItemLabelAnchor.OUTSIDE12, TextAnchor.BOTTOM_CENTER));
        r.setItemLabelAnchorOffset(14);
        plot.setRenderer(r);
        if (chart.getLegend() != null) {
            chart.getLegend().setItemFont(ChartFont.of(java.awt.Font.PLAIN, Charts.SMALL_SIZE));
        }
        return chart;
    }
}
