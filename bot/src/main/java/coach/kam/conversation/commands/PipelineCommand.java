package coach.kam.conversation.commands;

import coach.kam.accounts.Accounts;
import coach.kam.conversation.Conversation;
import coach.kam.text.Html;
import coach.kam.conversation.Turn;
import coach.kam.deals.Deal;
import coach.kam.deals.Deals;
import coach.kam.deals.Forecast;
import coach.kam.deals.Stages;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** /pipeline: the rep's open deals by stage with counts, totals and the weighted forecast; stale and overdue deals named. */
public final class PipelineCommand {
    private static final int MAX_NAMED = 5;
    private final Accounts accounts;
    private final Deals deals;
    private final Stages stages;

    public PipelineCommand(Accounts accounts, Deals deals, Stages stages) {
        this.accounts = accounts;
        this.deals = deals;
        this.stages = stages;
    }

    private coach.kam.objections.ObjectionService objections;

    /** Names the objections that lost deals' reasons read as. */
    public PipelineCommand withObjections(coach.kam.objections.ObjectionService o) {
        this.objections = o;
        return this;
    }

    public void register(Conversation.Builder b) {
        b.command("pipeline", (turn, args) -> show(turn));
    }

    private void show(Turn turn) {
        List<Deal> mine = deals.all(turn.tx(), turn.userId()).stream()
                .filter(d -> accounts.get(turn.tx(), turn.userId(), d.accountId()).isPresent()).toList();
        if (mine.isEmpty()) {
            turn.say(turn.t("deal.none"));
            return;
        }
        Forecast f = Forecast.of(mine, stages, turn.now(), turn.now().atZone(turn.zone()).toLocalDate());
        StringBuilder s = new StringBuilder(turn.t("pipeline.title"));
        for (Map.Entry<Stages.Stage, Forecast.Row> e : f.byStage().entrySet()) {
            Forecast.Row r = e.getValue();
            if (r.count() > 0) {
                s.append('\n').append(turn.t("pipeline.row", e.getKey().title(turn.lang()), e.getKey().weight(), r.count(),
                        money(turn, r.total()), money(turn, r.weighted())));
            }
        }
        s.append("\n\n").append(turn.t("pipeline.total", money(turn, f.total()), money(turn, f.weighted())));
        if (f.won() + f.lost() > 0) {
            s.append('\n').append(turn.t("pipeline.closed", f.won(), money(turn, f.wonTotal()), f.lost()));
        }
        if (!f.stale().isEmpty()) {
            s.append("\n\n").append(turn.t("pipeline.stale", f.stale().size())).append(names(f.stale()));
        }
        if (!f.overdue().isEmpty()) {
            s.append("\n\n").append(turn.t("pipeline.overdue", f.overdue().size())).append(names(f.overdue()));
        }
        losses(turn, coach.kam.deals.ObjectionLosses.of(mine, null), s);
        turn.say(s.toString(), List.of(List.of(ChartCommands.button(turn, "p"))));
    }

    /** "Lost to objections: 价格太高 ×2 (350万) · 竞品更便宜 ×1 (80万)" */
    private void losses(Turn turn, coach.kam.deals.ObjectionLosses lost, StringBuilder s) {
        if (lost.rows().isEmpty()) {
            return;
        }
        List<String> parts = lost.rows().stream().limit(MAX_NAMED).map(r -> turn.t("pipeline.lost.row",
                Html.escape(title(r.objectionId(), turn.lang())), r.deals(), money(turn, r.amount()))).toList();
        s.append("\n\n").append(turn.t("pipeline.lost.objections")).append(' ').append(String.join(" · ", parts));
    }

    private String title(String id, String lang) {
        return objections == null ? id : objections.objection(id).map(o -> o.in(lang).title()).orElse(id);
    }

    private static String names(List<Deal> list) {
        StringBuilder s = new StringBuilder();
        for (Deal d : list.subList(0, Math.min(MAX_NAMED, list.size()))) {
            s.append("\n• ").append(Html.escape(d.title()));
        }
        return s.toString();
    }

    private static String money(Turn turn, BigDecimal a) {
        return DealCard.amount(turn, a);
    }
}
