package coach.kam.charts;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * What the charts show, as plain values with the labels already in the rep's language. Amounts come
 * with their text ("300万", "3,000,000") so the chart writes them as the bot does.
 */
public final class ChartData {
    private ChartData() {
    }

    /** One stage of the pipeline: its name, open deals, their total and how it reads. */
    public record Stage(String label, int count, double amount, String amountText) {
    }

    /** The pipeline funnel, stages in lead-to-cash order. {@code countWord} follows the count ("deals", "个"). */
    public record Funnel(String title, String countWord, List<Stage> stages) {
        public Funnel {
            stages = List.copyOf(stages);
        }
    }

    /** One rep's open pipeline: the name, the open total and its weighted part, and how the pair reads. */
    public record RepPipeline(String name, double total, double weighted, String text) {
    }

    /** A manager's team: one bar per rep, the weighted forecast inside the open total. */
    public record Team(String title, String weightedLabel, String restLabel, List<RepPipeline> reps) {
        public Team {
            reps = List.copyOf(reps);
        }
    }

    /** One bar of the bridge: a label, a value and how it reads. */
    public record Bar(String label, double value, String valueText) {
    }

    /**
     * The target bridge: the first bar is where the rep stands (a total), the middle bars add to it
     * (the accounts' planned growth, the gap still on no account), the last is the target (a total).
     */
    public record Bridge(String title, List<Bar> bars) {
        public Bridge {
            bars = List.copyOf(bars);
            if (bars.size() < 2) {
                throw new IllegalArgumentException("a bridge needs a start and an end");
            }
        }
    }

    /** One evaluation: when, the score out of 100 and the tier letter. */
    public record Point(Instant at, int score, String tier) {
    }

    /** One account's evaluations over time, oldest first. */
    public record Line(String name, List<Point> points) {
        public Line {
            points = List.copyOf(points);
        }
    }

    /** The tier trend: one line per account, dates in the rep's zone. */
    public record Trend(String title, String scoreAxis, ZoneId zone, List<Line> lines) {
        public Trend {
            lines = List.copyOf(lines);
        }
    }

    /** An account on the matrix: its evaluation score, class A-D (or null) and tier A-D (or null). */
    public record Dot(String name, int score, String accountClass, String tier) {
    }

    /**
     * The portfolio matrix: score across, class up; {@code noClass} names the row of accounts not
     * classified yet and {@code tierWord} prefixes the tier in the legend ("Tier A", "等级 A").
     */
    public record Matrix(String title, String scoreAxis, String classAxis, String noClass, String tierWord,
                         List<Dot> dots) {
        public Matrix {
            dots = List.copyOf(dots);
        }
    }
}
