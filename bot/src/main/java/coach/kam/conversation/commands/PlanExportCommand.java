package coach.kam.conversation.commands;

import coach.kam.accounts.Account;
import coach.kam.accounts.Accounts;
import coach.kam.charts.Charts;
import coach.kam.charts.PlanSheet;
import coach.kam.conversation.Reply;
import coach.kam.conversation.Turn;
import coach.kam.flows.AccountFacts;
import coach.kam.knowledge.Checklist;
import coach.kam.targets.Targets;
import coach.kam.territory.Territory;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * /plan export: the plan on one PDF page a participant can hand to their manager: the target and
 * gap, the territory per market-planning pattern, the accounts with a target (the ones the plan
 * works on, largest growth first) and the charts there is data for. Read in the turn, written after.
 */
public final class PlanExportCommand {
    private static final Logger LOG = LoggerFactory.getLogger(PlanExportCommand.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmm").withZone(ZoneOffset.UTC);
    private final Accounts accounts;
    private final Targets targets;
    private final Territory territory;
    private final AccountFacts facts;
    private final ChartInputs inputs;
    private final Charts charts = new Charts();

    public PlanExportCommand(Accounts accounts, coach.kam.deals.Deals deals, coach.kam.deals.Stages stages,
                             Targets targets, Territory territory, AccountFacts facts) {
        this.accounts = accounts;
        this.targets = targets;
        this.territory = territory;
        this.facts = facts;
        this.inputs = new ChartInputs(accounts, deals, stages, targets, facts);
    }

    public void export(Turn turn) {
        Optional<Targets.Plan> plan = targets.plan(turn.tx(), turn.userId(),
                id -> accounts.get(turn.tx(), turn.userId(), id).isPresent());
        List<String> lines = new ArrayList<>();
        plan.ifPresent(p -> lines.add(turn.t("planpdf.target", ChartInputs.money(turn, p.rep().current()),
                ChartInputs.money(turn, p.rep().target()), ChartInputs.money(turn, p.gap()), p.unplannedPercent())));
        lines.add(territoryLine(turn));
        List<List<String>> rows = new ArrayList<>();
        plan.ifPresent(p -> p.accounts().stream().limit(PlanSheet.MAX_ROWS).forEach(e ->
                accounts.get(turn.tx(), turn.userId(), e.getKey()).ifPresent(a -> rows.add(row(turn, a, e.getValue())))));
        if (rows.isEmpty()) {
            lines.add(turn.t("planpdf.no.accounts"));
        }
        List<Supplier<byte[]>> pictures = new ArrayList<>();
        inputs.funnel(turn).ifPresent(d -> pictures.add(() -> charts.funnel(d)));
        inputs.bridge(turn).ifPresent(d -> pictures.add(() -> charts.bridge(d)));
        inputs.trend(turn, Optional.empty()).ifPresent(d -> pictures.add(() -> charts.trend(d)));
        inputs.matrix(turn).ifPresent(p -> pictures.add(() -> charts.matrix(p.matrix())));
        List<String> header = List.of(turn.t("planpdf.col.account"), turn.t("planpdf.col.tier"), turn.t("planpdf.col.class"),
                turn.t("planpdf.col.pattern"), turn.t("planpdf.col.target"), turn.t("planpdf.col.growth"));
        String title = turn.t("planpdf.title");
        String file = "kam-plan-" + turn.userId() + "-" + STAMP.format(turn.now()) + ".pdf";
        String caption = turn.t("planpdf.caption", rows.size(), pictures.size());
        String failed = turn.t("chart.failed");
        turn.later(() -> {
            try {
                List<byte[]> pngs = pictures.stream().map(Supplier::get).toList();
                byte[] pdf = PlanSheet.render(new PlanSheet.Content(title, lines, header, rows, pngs));
                return List.of(Reply.document(file, pdf, caption));
            } catch (RuntimeException | LinkageError e) {
                LOG.warn("the plan document could not be written", e);
                return List.of(Reply.of(failed));
            }
        });
    }

    private String territoryLine(Turn turn) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        territory.patterns().forEach(p -> counts.put(p.id(), 0));
        int unplaced = 0;
        for (Account a : accounts.list(turn.tx(), turn.userId())) {
            Optional<Territory.Placement> at = territory.of(turn.tx(), turn.userId(), a.id());
            if (at.isPresent()) {
                counts.merge(at.get().pattern(), 1, Integer::sum);
            } else {
                unplaced++;
            }
        }
        StringBuilder s = new StringBuilder();
        for (Checklist.Part p : territory.patterns()) {
            s.append(s.length() == 0 ? "" : " · ").append(p.label(turn.lang())).append(' ').append(counts.get(p.id()));
        }
        return turn.t("planpdf.territory", s.toString(), unplaced);
    }

    private List<String> row(Turn turn, Account a, Targets.Target t) {
        String tier = facts.latestEvaluation(turn.tx(), a).map(AccountFacts.Evaluation::tier).orElse("—");
        String cls = facts.classification(turn.tx(), a).map(AccountFacts.Classification::accountClass).orElse("—");
        String pattern = territory.of(turn.tx(), turn.userId(), a.id())
                .flatMap(p -> territory.pattern(p.pattern())).map(p -> p.label(turn.lang())).orElse("—");
        return List.of(a.name(), tier, cls, pattern,
                ChartInputs.money(turn, t.current()) + " → " + ChartInputs.money(turn, t.target()),
                "+" + ChartInputs.money(turn, t.growth()));
    }
}
