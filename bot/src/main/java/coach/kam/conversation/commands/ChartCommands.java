package coach.kam.conversation.commands;

import coach.kam.accounts.Account;
import coach.kam.accounts.Accounts;
import coach.kam.charts.Charts;
import coach.kam.conversation.Button;
import coach.kam.conversation.Conversation;
import coach.kam.text.Html;
import coach.kam.conversation.Reply;
import coach.kam.conversation.Turn;
import coach.kam.conversation.buttons.Owned;
import coach.kam.conversation.buttons.WorkButtons;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * /chart pipeline | target | trend [account] | portfolio (also 漏斗, 目标, 趋势, 矩阵): the chart as a
 * picture. Its numbers are read in the turn; the drawing runs after the turn commits, off the store's
 * lock, and a chart that cannot be drawn is answered with a short sentence, never a lost turn.
 */
public final class ChartCommands {
    private static final Logger LOG = LoggerFactory.getLogger(ChartCommands.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);
    private static final int MAX_PICKS = 8;
    /** What is read of the typed line (a chart name and an account name). */
    private static final int MAX_ARGS = 200;
    private final Accounts accounts;
    private final Owned owned;
    private final ChartInputs inputs;
    private final Charts charts = new Charts();

    ChartCommands(Accounts accounts, ChartInputs inputs) {
        this.accounts = accounts;
        this.owned = new Owned(accounts);
        this.inputs = inputs;
    }

    public ChartCommands(Accounts accounts, coach.kam.deals.Deals deals, coach.kam.deals.Stages stages,
                         coach.kam.targets.Targets targets, coach.kam.flows.AccountFacts facts) {
        this(accounts, new ChartInputs(accounts, deals, stages, targets, facts));
    }

    public void register(Conversation.Builder b) {
        b.command("chart", this::chart);
        b.button(WorkButtons.CHART, this::pressed);
    }

    /** The button that draws a chart: "p" pipeline, "t" target, "r" trend, "m" matrix. */
    public static Button button(Turn turn, String which) {
        String label = switch (which) {
            case "p" -> turn.t("chart.btn.p");
            case "t" -> turn.t("chart.btn.t");
            case "r" -> turn.t("chart.btn.r");
            default -> turn.t("chart.btn.m");
        };
        return WorkButtons.CHART.button(label, WorkButtons.Step.of(which));
    }

    private void chart(Turn turn, String args) {
        String line = (args.length() > MAX_ARGS ? args.substring(0, MAX_ARGS) : args).strip();
        String word = line.isEmpty() ? "" : line.split("[\\s\u3000]+", 2)[0].toLowerCase(Locale.ROOT);
        String rest = line.length() > word.length() ? line.substring(word.length()).strip() : "";
        switch (word) {
            case "pipeline", "funnel", "漏斗", "管道" -> pipeline(turn);
            case "target", "bridge", "目标", "目标桥" -> target(turn);
            case "trend", "tier", "趋势", "等级" -> trend(turn, rest);
            case "portfolio", "matrix", "矩阵", "组合" -> portfolio(turn);
            case "team", "团队" -> team(turn);
            default -> turn.say(turn.t("chart.usage"), List.of(List.of(button(turn, "p"), button(turn, "t")),
                    List.of(button(turn, "r"), button(turn, "m"))));
        }
    }

    private void pressed(Turn turn, WorkButtons.Step step) {
        switch (step.op()) {
            case "p" -> pipeline(turn);
            case "t" -> target(turn);
            case "m" -> portfolio(turn);
            case "r" -> {
                Optional<Account> one = step.id() == null ? Optional.empty() : owned.find(turn, step.id());
                drawTrend(turn, one);
            }
            default -> turn.say(turn.t("chart.usage"));
        }
    }

    private void pipeline(Turn turn) {
        inputs.funnel(turn).ifPresentOrElse(
                data -> draw(turn, "pipeline", () -> charts.funnel(data), Html.escape(data.title()), "t"),
                () -> turn.say(turn.t("chart.pipeline.none")));
    }

    private java.util.function.BiFunction<coach.kam.store.Tx, Long, List<java.util.Map.Entry<Long, String>>> reps =
            (tx, manager) -> List.of();

    /** Where a manager's reps come from, for the team chart: (transaction, manager id) to (rep id, name). */
    public ChartCommands withTeams(
            java.util.function.BiFunction<coach.kam.store.Tx, Long, List<java.util.Map.Entry<Long, String>>> r) {
        this.reps = r;
        return this;
    }

    /** The team's pipeline by rep, for a manager ("/team chart", "/chart team"). */
    public void team(Turn turn) {
        List<java.util.Map.Entry<Long, String>> team = reps.apply(turn.tx(), turn.userId());
        if (team.isEmpty()) {
            turn.say(turn.t("chart.team.nobody"));
            return;
        }
        inputs.team(turn, team).ifPresentOrElse(
                data -> draw(turn, "team", () -> charts.team(data), Html.escape(data.title()), "p"),
                () -> turn.say(turn.t("chart.team.none")));
    }

    private void target(Turn turn) {
        inputs.bridge(turn).ifPresentOrElse(
                data -> draw(turn, "target", () -> charts.bridge(data), Html.escape(data.title()), "p"),
                () -> turn.say(turn.t("chart.target.none")));
    }

    private void trend(Turn turn, String query) {
        if (query.isEmpty()) {
            drawTrend(turn, Optional.empty());
            return;
        }
        List<Account> found = accounts.find(turn.tx(), turn.userId(), Html.shorten(query, Accounts.MAX_NAME_LENGTH));
        if (found.size() == 1) {
            drawTrend(turn, Optional.of(found.get(0)));
        } else if (found.isEmpty()) {
            turn.say(turn.t("chart.not.found", Html.escape(Html.shorten(query, 60))));
        } else {
            List<List<Button>> rows = new ArrayList<>();
            for (Account a : found.subList(0, Math.min(MAX_PICKS, found.size()))) {
                rows.add(List.of(WorkButtons.CHART.button(Html.shorten(a.name(), 40), WorkButtons.Step.of("r", a.id()))));
            }
            turn.say(turn.t("chart.pick"), rows);
        }
    }

    private void drawTrend(Turn turn, Optional<Account> one) {
        inputs.trend(turn, one).ifPresentOrElse(
                data -> draw(turn, "trend", () -> charts.trend(data), Html.escape(data.title()), "m"),
                () -> turn.say(turn.t("chart.trend.none")));
    }

    private void portfolio(Turn turn) {
        inputs.matrix(turn).ifPresentOrElse(p -> {
            String caption = turn.t("chart.matrix.caption", p.shown());
            if (p.shown() < p.evaluated()) {
                caption += " " + turn.t("chart.matrix.more", p.evaluated() - p.shown());
            }
            if (p.notEvaluated() > 0) {
                caption += " " + turn.t("chart.matrix.left", p.notEvaluated());
            }
            draw(turn, "portfolio", () -> charts.matrix(p.matrix()), caption, "r");
        }, () -> turn.say(turn.t("chart.matrix.none")));
    }

    /** Draws after the turn commits; the caption is ready HTML, the button offers the next chart. */
    private void draw(Turn turn, String name, Supplier<byte[]> render, String caption, String next) {
        String file = "chart-" + name + "-" + STAMP.format(turn.now()) + ".png";
        List<List<Button>> buttons = List.of(List.of(button(turn, next)));
        String failed = turn.t("chart.failed");
        turn.later(() -> {
            try {
                return List.of(Reply.photo(file, render.get(), caption, buttons));
            } catch (RuntimeException | LinkageError e) {
                LOG.warn("chart {} could not be drawn", name, e);
                return List.of(Reply.of(failed));
            }
        });
    }
}
