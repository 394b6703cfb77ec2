package coach.kam.charts;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/** A participant's pipeline, target, trend and portfolio in Chinese, as the charts' tests and the README's pictures use them. */
public final class ChartSamples {
    private ChartSamples() {
    }

    public static ChartData.Funnel funnel() {
        return new ChartData.Funnel("销售漏斗 · 进行中 7 个 · 1830万", "个", List.of(
                new ChartData.Stage("线索", 2, 5_000_000, "500万"),
                new ChartData.Stage("需求确认", 2, 6_000_000, "600万"),
                new ChartData.Stage("方案阶段", 2, 4_800_000, "480万"),
                new ChartData.Stage("商务谈判", 1, 2_500_000, "250万"),
                new ChartData.Stage("签约", 0, 0, "0")));
    }

    public static ChartData.Bridge bridge() {
        return new ChartData.Bridge("目标桥 · 2000万 → 4000万", List.of(
                new ChartData.Bar("今年销售", 20_000_000, "2000万"),
                new ChartData.Bar("客户计划增长", 13_000_000, "+1300万"),
                new ChartData.Bar("尚未落实", 7_000_000, "+700万 (35%)"),
                new ChartData.Bar("目标", 40_000_000, "4000万")));
    }

    public static ChartData.Trend trend() {
        return new ChartData.Trend("等级趋势", "评估分", ZoneId.of("Asia/Shanghai"), List.of(
                new ChartData.Line("九州通", List.of(point("2026-03-02", 58, "C"), point("2026-06-01", 71, "B"),
                        point("2026-09-07", 86, "A"))),
                new ChartData.Line("华东医药", List.of(point("2026-03-20", 74, "B"), point("2026-07-15", 66, "B"),
                        point("2026-11-02", 49, "C")))));
    }

    public static ChartData.Matrix matrix() {
        return new ChartData.Matrix("客户组合矩阵", "评估分", "客户分类", "未分类", "等级", List.of(
                new ChartData.Dot("九州通", 86, "A", "A"), new ChartData.Dot("华东医药", 49, "A", "C"),
                new ChartData.Dot("国药控股", 72, "B", "B"), new ChartData.Dot("上海医药", 74, "B", "B"),
                new ChartData.Dot("老百姓大药房", 35, "C", "D"), new ChartData.Dot("一心堂", 61, "C", "B"),
                new ChartData.Dot("益丰药房", 55, null, "C"), new ChartData.Dot("大参林", 90, "B", "A")));
    }

    private static ChartData.Point point(String day, int score, String tier) {
        return new ChartData.Point(Instant.parse(day + "T02:00:00Z"), score, tier);
    }

    /** Writes the four sample charts as PNG files into the folder given (default docs/). */
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "docs");
        Files.createDirectories(dir);
        Charts charts = new Charts();
        Files.write(dir.resolve("chart-pipeline.png"), charts.funnel(funnel()));
        Files.write(dir.resolve("chart-target.png"), charts.bridge(bridge()));
        Files.write(dir.resolve("chart-trend.png"), charts.trend(trend()));
        Files.write(dir.resolve("chart-portfolio.png"), charts.matrix(matrix()));
        Files.write(dir.resolve("plan-sample.pdf"), PlanSheet.render(PlanSheetTest.sample()));
    }
}
