package coach.kam.conversation.commands;

import coach.kam.accounts.Account;
import coach.kam.accounts.Accounts;
import coach.kam.charts.ChartData;
import coach.kam.conversation.Turn;
import coach.kam.deals.Deal;
import coach.kam.deals.Deals;
import coach.kam.deals.Forecast;
import coach.kam.deals.Stages;
import coach.kam.flows.AccountFacts;
import coach.kam.targets.Targets;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What each chart shows, read from the rep's data inside the turn (the drawing happens after the
 * turn commits). Labels are in the rep's language; amounts read as the bot writes them.
 */
final class ChartInputs {
    /** Lines on the trend (the accounts evaluated most recently) and evaluations per line. */
    static final int TREND_LINES = 6;
    static final int TREND_POINTS = 12;
    /** Dots on the matrix (the accounts evaluated most recently). */
    static final int MATRIX_DOTS = 40;
    private final Accounts accounts;
    private final Deals deals;
    private final Stages stages;
    private final Targets targets;
    private final AccountFacts facts;

    ChartInputs(Accounts accounts, Deals deals, Stages stages, Targets targets, AccountFacts facts) {
        this.accounts = accounts;
        this.deals = deals;
        this.stages = stages;
        this.targets = targets;
        this.facts = facts;
    }

    /** A manager's reps with their open pipeline, largest first; empty when no rep has an open deal. */
    Optional<ChartData.Team> team(Turn turn, List<Map.Entry<Long, String>> reps) {
        List<ChartData.RepPipeline> rows = new ArrayList<>();
        java.math.BigDecimal all = java.math.BigDecimal.ZERO;
        for (Map.Entry<Long, String> rep : reps) {
            Forecast f = Forecast.of(deals.all(turn.tx(), rep.getKey()), stages, turn.now(),
                    turn.now().atZone(turn.zone()).toLocalDate());
            all = all.add(f.total());
            rows.add(new ChartData.RepPipeline(coach.kam.text.Html.shorten(rep.getValue(), 24), f.total().doubleValue(),
                    f.weighted().doubleValue(), money(turn, f.total()) + " · " + money(turn, f.weighted())));
        }
        if (rows.stream().allMatch(r -> r.total() <= 0)) {
            return Optional.empty();
        }
        rows.sort(java.util.Comparator.comparingDouble(ChartData.RepPipeline::total).reversed());
        return Optional.of(new ChartData.Team(turn.t("chart.team.title", reps.size(), money(turn, all)),
                turn.t("chart.team.weighted"), turn.t("chart.team.rest"), rows));
    }

    /** The open deals per stage; empty when the rep has none open. */
    Optional<ChartData.Funnel> funnel(Turn turn) {
        List<Deal> mine = deals.all(turn.tx(), turn.userId()).stream()
                .filter(d -> accounts.get(turn.tx(), turn.userId(), d.accountId()).isPresent()).toList();
        Forecast f = Forecast.of(mine, stages, turn.now(), turn.now().atZone(turn.zone()).toLocalDate());
        int open = f.byStage().values().stream().mapToInt(Forecast.Row::count).sum();
        if (open == 0) {
            return Optional.empty();
        }
        List<ChartData.Stage> rows = new ArrayList<>();
        for (Map.Entry<Stages.Stage, Forecast.Row> e : f.byStage().entrySet()) {
            Forecast.Row r = e.getValue();
            rows.add(new ChartData.Stage(e.getKey().title(turn.lang()), r.count(), r.total().doubleValue(),
                    money(turn, r.total())));
        }
        return Optional.of(new ChartData.Funnel(turn.t("chart.pipeline.title", open, money(turn, f.total())),
                turn.t("chart.count.word"), rows));
    }

    /** Now, the accounts' planned growth, the gap on no account, the target; empty with no target set. */
    Optional<ChartData.Bridge> bridge(Turn turn) {
        return targets.plan(turn.tx(), turn.userId(), id -> accounts.get(turn.tx(), turn.userId(), id).isPresent())
                .map(p -> new ChartData.Bridge(turn.t("chart.target.title", money(turn, p.rep().current()),
                        money(turn, p.rep().target())), List.of(
                        new ChartData.Bar(turn.t("chart.target.current"), p.rep().current().doubleValue(),
                                money(turn, p.rep().current())),
                        new ChartData.Bar(turn.t("chart.target.planned"), p.planned().doubleValue(),
                                signed(turn, p.planned())),
                        new ChartData.Bar(turn.t("chart.target.unplaced"), p.unplanned().doubleValue(),
                                signed(turn, p.unplanned()) + (p.unplannedPercent() > 0 ? " (" + p.unplannedPercent() + "%)" : "")),
                        new ChartData.Bar(turn.t("chart.target.target"), p.rep().target().doubleValue(),
                                money(turn, p.rep().target())))));
    }

    /** Evaluation scores over time for one account, or for the accounts evaluated last; empty with none. */
    Optional<ChartData.Trend> trend(Turn turn, Optional<Account> only) {
        List<Account> which = only.map(List::of).orElseGet(() -> accounts.list(turn.tx(), turn.userId()));
        List<Map.Entry<Account, List<AccountFacts.Evaluation>>> evaluated = new ArrayList<>();
        for (Account a : which) {
            List<AccountFacts.Evaluation> list = facts.evaluations(turn.tx(), a);
            if (!list.isEmpty()) {
                evaluated.add(Map.entry(a, list.subList(0, Math.min(TREND_POINTS, list.size()))));
            }
        }
        if (evaluated.isEmpty()) {
            return Optional.empty();
        }
        evaluated.sort(Comparator.comparing((Map.Entry<Account, List<AccountFacts.Evaluation>> e) ->
                e.getValue().get(0).at()).reversed());
        List<ChartData.Line> lines = new ArrayList<>();
        for (Map.Entry<Account, List<AccountFacts.Evaluation>> e : evaluated.subList(0, Math.min(TREND_LINES, evaluated.size()))) {
            List<ChartData.Point> points = e.getValue().stream()
                    .map(v -> new ChartData.Point(v.at(), v.score(), v.tier())).toList();
            lines.add(new ChartData.Line(e.getKey().name(), points));
        }
        String title = only.map(a -> turn.t("chart.trend.title.one", a.name())).orElse(turn.t("chart.trend.title"));
        return Optional.of(new ChartData.Trend(title, turn.t("chart.score.axis"), turn.zone(), lines));
    }

    /** The evaluated accounts by score and class, and how many accounts have no evaluation yet. */
    record Portfolio(ChartData.Matrix matrix, int shown, int notEvaluated, int evaluated) {
    }

    Optional<Portfolio> matrix(Turn turn) {
        List<Map.Entry<AccountFacts.Evaluation, ChartData.Dot>> dots = new ArrayList<>();
        int missing = 0;
        for (Account a : accounts.list(turn.tx(), turn.userId())) {
            Optional<AccountFacts.Evaluation> e = facts.latestEvaluation(turn.tx(), a);
            if (e.isEmpty()) {
                missing++;
                continue;
            }
            String cls = facts.classification(turn.tx(), a).map(AccountFacts.Classification::accountClass).orElse(null);
            dots.add(Map.entry(e.get(), new ChartData.Dot(a.name(), e.get().score(), cls, e.get().tier())));
        }
        if (dots.isEmpty()) {
            return Optional.empty();
        }
        dots.sort(Comparator.comparing((Map.Entry<AccountFacts.Evaluation, ChartData.Dot> d) -> d.getKey().at()).reversed());
        List<ChartData.Dot> shown = dots.subList(0, Math.min(MATRIX_DOTS, dots.size())).stream().map(Map.Entry::getValue).toList();
        ChartData.Matrix m = new ChartData.Matrix(turn.t("chart.matrix.title"), turn.t("chart.score.axis"),
                turn.t("chart.class.axis"), turn.t("chart.no.class"), turn.t("chart.tier.word"), shown);
        return Optional.of(new Portfolio(m, shown.size(), missing, dots.size()));
    }

    static String money(Turn turn, BigDecimal a) {
        return a.signum() < 0 ? "-" + Forecast.amount(a.negate(), turn.lang()) : Forecast.amount(a, turn.lang());
    }

    private static String signed(Turn turn, BigDecimal a) {
        return a.signum() < 0 ? money(turn, a) : "+" + money(turn, a);
    }
}
