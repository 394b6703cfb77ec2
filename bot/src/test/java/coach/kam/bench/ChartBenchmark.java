package coach.kam.bench;

import coach.kam.charts.ChartData;
import coach.kam.charts.ChartSamples;
import coach.kam.charts.Charts;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The time to render each chart to PNG bytes (aim: under 500 ms), with the sample data and with a
 * full matrix of 40 accounts. The first render (font loading, class loading) is printed apart; then
 * 20 renders each, printing p50 and max. Asserts nothing about time.
 */
@Tag("bench")
class ChartBenchmark {
    private static final int RUNS = 20;

    @Test
    void run() {
        Charts charts = new Charts();
        long t0 = System.nanoTime();
        charts.funnel(ChartSamples.funnel());
        System.out.printf("%nchart: first render (font and classes loaded) %.0f ms%n", (System.nanoTime() - t0) / 1e6);
        measure("pipeline funnel", () -> charts.funnel(ChartSamples.funnel()));
        measure("target bridge", () -> charts.bridge(ChartSamples.bridge()));
        measure("tier trend", () -> charts.trend(ChartSamples.trend()));
        measure("portfolio matrix (8)", () -> charts.matrix(ChartSamples.matrix()));
        measure("portfolio matrix (40)", () -> charts.matrix(forty()));
    }

    private static void measure(String name, Supplier<byte[]> render) {
        render.get();
        double[] ms = new double[RUNS];
        int size = 0;
        for (int i = 0; i < RUNS; i++) {
            long t = System.nanoTime();
            size = render.get().length;
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(ms);
        System.out.printf("chart: %-22s p50 %5.0f ms, max %5.0f ms, %d KB, %d x %d px%n", name, ms[RUNS / 2], ms[RUNS - 1],
                size / 1024, Charts.WIDTH, Charts.HEIGHT);
    }

    private static ChartData.Matrix forty() {
        List<ChartData.Dot> dots = new ArrayList<>();
        String[] tiers = {"A", "B", "C", "D"};
        for (int i = 0; i < 40; i++) {
            dots.add(new ChartData.Dot("客户" + i, (i * 37) % 100, i % 5 == 4 ? null : tiers[i % 4], tiers[(i / 3) % 4]));
        }
        return new ChartData.Matrix("客户组合矩阵", "评估分", "客户分类", "未分类", "等级", dots);
    }
}
