package coach.kam.checkin;

import coach.kam.accounts.Account;
import coach.kam.accounts.Accounts;
import coach.kam.accounts.Activity;
import coach.kam.text.Html;
import coach.kam.conversation.Turn;
import coach.kam.conversation.commands.AccountOverview;
import coach.kam.flows.AccountFacts;
import coach.kam.store.Tx;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The manager's digest: per rep, by name, the accounts, the week's activity (notes, visits,
 * objections met, evaluations), tiers and the tier changes since the last digest, accounts past
 * their cadence and the overdue plan items by title. Never what a rep wrote in a note.
 */
final class Digest {
    private static final int MAX_NAMES = 5;
    private static final int MAX_OVERDUE = 3;
    private static final int WEEK_DAYS = 7;
    private final Accounts accounts;
    private final AccountOverview overview;
    private final CheckinStore checkins;
    private final TeamStore store;
    private final AccountFacts facts = new AccountFacts();
    private coach.kam.deals.Deals deals;
    private coach.kam.deals.Stages stages;

    private coach.kam.targets.Targets targets;

    /** Adds each rep's pipeline and target to the digest. */
    void withDeals(coach.kam.deals.Deals d, coach.kam.deals.Stages s, coach.kam.targets.Targets t) {
        this.deals = d;
        this.stages = s;
        this.targets = t;
    }

    private java.util.function.BiFunction<String, String, String> objectionTitle = (id, lang) -> id;

    void namingObjections(java.util.function.BiFunction<String, String, String> titles) {
        this.objectionTitle = titles;
    }

    /** "价格太贵 ×2(350万) · 没有预算 ×1(50万)": what cost this rep deals since {@code since}; never the reasons typed. */
    private String lostToObjections(List<coach.kam.deals.Deal> all, java.time.Instant since, String lang) {
        List<String> parts = new ArrayList<>();
        for (coach.kam.deals.ObjectionLosses.Row r : coach.kam.deals.ObjectionLosses.of(all, since).rows()) {
            if (parts.size() < MAX_NAMES) {
                String amount = coach.kam.deals.Forecast.amount(r.amount(), lang);
                parts.add(objectionTitle.apply(r.objectionId(), lang) + " ×" + r.deals()
                        + ("zh".equals(lang) ? "(" + amount + ")" : " (" + amount + ")"));
            }
        }
        return String.join(" · ", parts);
    }

    /** "Target: 20m → 40m, 3m of the 20m gap placed on accounts (15%)". */
    private Optional<String> target(Turn turn, long rep) {
        if (targets == null) {
            return Optional.empty();
        }
        return targets.plan(turn.tx(), rep, id -> accounts.get(turn.tx(), rep, id).isPresent()).map(p -> turn.t(
                "digest.target", coach.kam.deals.Forecast.amount(p.rep().current(), turn.lang()),
                coach.kam.deals.Forecast.amount(p.rep().target(), turn.lang()),
                coach.kam.deals.Forecast.amount(p.planned().max(java.math.BigDecimal.ZERO), turn.lang()),
                100 - p.unplannedPercent()));
    }

    Digest(Accounts accounts, AccountOverview overview, CheckinStore checkins, TeamStore store) {
        this.accounts = accounts;
        this.overview = overview;
        this.checkins = checkins;
        this.store = store;
    }

    /** The digest now, with tier changes since the last one sent; nothing is marked. */
    String render(Turn turn, TeamStore.Members m) {
        return text(turn, m, store.mark(turn.tx(), m.managerId()), new HashMap<>());
    }

    /** Sends this week's digest unless it went out already; marks the week and the tiers. */
    void weekly(Turn turn, TeamStore.Members m) {
        String week = week(turn);
        Optional<TeamStore.Mark> mark = store.mark(turn.tx(), m.managerId());
        if (mark.isPresent() && week.equals(mark.get().week()) || m.reps().isEmpty()) {
            return;
        }
        Map<Long, String> tiers = new HashMap<>();
        turn.say(text(turn, m, mark, tiers));
        store.mark(turn.tx(), new TeamStore.Mark(m.managerId(), week, tiers));
    }

    private static String week(Turn turn) {
        LocalDate day = turn.now().atZone(turn.zone()).toLocalDate();
        return day.get(IsoFields.WEEK_BASED_YEAR) + "-W" + String.format("%02d", day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    private String text(Turn turn, TeamStore.Members m, Optional<TeamStore.Mark> mark, Map<Long, String> tiersNow) {
        if (m.reps().isEmpty()) {
            return turn.t("team.empty");
        }
        StringBuilder out = new StringBuilder(turn.t("digest.title", m.reps().size()));
        Map<Long, String> before = mark.map(TeamStore.Mark::tiers).orElse(Map.of());
        for (long rep : m.reps()) {
            out.append("\n\n").append(repBlock(turn, rep, before, tiersNow));
        }
        return out.toString();
    }

    /** "Deals: 3 open · 4,500,000 · weighted 2,300,000 · last 7 days won 1 (500,000), lost 0"; never deal notes. */
    private Optional<String> pipeline(Turn turn, long rep) {
        if (deals == null) {
            return Optional.empty();
        }
        List<coach.kam.deals.Deal> all = deals.all(turn.tx(), rep);
        if (all.isEmpty()) {
            return Optional.empty();
        }
        LocalDate today = turn.now().atZone(turn.zone()).toLocalDate();
        coach.kam.deals.Forecast f = coach.kam.deals.Forecast.of(all, stages, turn.now(), today);
        java.time.Instant weekAgo = turn.now().minus(java.time.Duration.ofDays(WEEK_DAYS));
        coach.kam.deals.Forecast.Moves m = coach.kam.deals.Forecast.movesSince(all, weekAgo);
        int open = f.byStage().values().stream().mapToInt(coach.kam.deals.Forecast.Row::count).sum();
        String lang = turn.lang();
        String lost = lostToObjections(all, weekAgo, lang);
        String more = weekOnWeek(all, weekAgo, open, f.total(), lang)
                + (lost.isEmpty() ? "" : "\n" + words.get(lang, "digest.lost.objections", lost));
        return Optional.of(turn.t("digest.deals", open,
                coach.kam.deals.Forecast.amount(f.total(), lang), coach.kam.deals.Forecast.amount(f.weighted(), lang),
                m.won(), coach.kam.deals.Forecast.amount(m.wonTotal(), lang), m.lost(), more));
    }

    /** "较上周:进行中 +1 笔 · +200万", the open pipeline against 7 days ago; empty when nothing changed. */
    private String weekOnWeek(List<coach.kam.deals.Deal> all, java.time.Instant weekAgo, int open,
                              java.math.BigDecimal total, String lang) {
        coach.kam.deals.Forecast.Open before = coach.kam.deals.Forecast.openAt(all, weekAgo);
        java.math.BigDecimal change = total.subtract(before.total());
        int count = open - before.count();
        if (count == 0 && change.signum() == 0) {
            return "";
        }
        String amount = (change.signum() < 0 ? "-" : "+") + coach.kam.deals.Forecast.amount(change.abs(), lang);
        return "\n" + words.get(lang, "digest.deals.change", (count < 0 ? "" : "+") + count, amount,
                coach.kam.deals.Forecast.amount(before.total(), lang));
    }

    /** Message text without a chat turn: (language, key, arguments). */
    interface Words {
        String get(String lang, String key, Object... args);
    }

    private Words words = (lang, key, args) -> "";

    void wording(Words w) {
        this.words = w;
    }

    private String repBlock(Turn turn, long rep, Map<Long, String> before, Map<Long, String> tiersNow) {
        Tx tx = turn.tx();
        List<Account> all = accounts.list(tx, rep);
        Map<String, Integer> tiers = new TreeMap<>();
        List<String> stale = new ArrayList<>();
        List<String> changes = new ArrayList<>();
        List<String> overdue = new ArrayList<>();
        int evaluated = 0;
        for (Account a : all) {
            Optional<AccountFacts.Evaluation> e = facts.latestEvaluation(tx, a);
            String tier = e.map(AccountFacts.Evaluation::tier).orElse("–");
            tiers.merge(tier, 1, Integer::sum);
            tiersNow.put(a.id(), tier);
            String was = before.get(a.id());
            if (was != null && !was.equals(tier)) {
                changes.add(Html.escape(a.name()) + " " + was + "→" + tier);
            }
            if (e.isPresent() && e.get().at().isAfter(turn.now().minus(java.time.Duration.ofDays(WEEK_DAYS)))) {
                evaluated++;
            }
            if (overview.daysPastCadence(turn, a).map(d -> d > 0).orElse(false)) {
                stale.add(a.name());
            }
            if (overdue.size() < MAX_OVERDUE) {
                overview.dueItems(turn, a, MAX_OVERDUE).stream().filter(s -> s.startsWith("⚠️"))
                        .limit(MAX_OVERDUE - overdue.size())
                        .forEach(s -> overdue.add(s + " · " + Html.escape(a.name())));
            }
        }
        String answered = checkins.sentAll(tx, rep).stream().reduce((x, y) -> y)
                .map(s -> s.answered().size() + "/" + s.accounts().size()).orElse("—");
        Activity.Day week = Activity.last(tx, rep, turn.now(), WEEK_DAYS);
        StringBuilder line = new StringBuilder(turn.t("digest.rep", Html.escape(store.name(tx, rep)), all.size(), answered));
        line.append('\n').append(turn.t("digest.activity", week.notes(), week.visits(), week.objections(), evaluated));
        pipeline(turn, rep).ifPresent(p -> line.append('\n').append(p));
        target(turn, rep).ifPresent(t -> line.append('\n').append(t));
        line.append('\n').append(turn.t("digest.tiers", tiers.isEmpty() ? "—" : String.join(" · ",
                tiers.entrySet().stream().map(en -> en.getKey() + " " + en.getValue()).toList())));
        if (!changes.isEmpty()) {
            line.append('\n').append(turn.t("digest.changes", String.join(", ", changes)));
        }
        if (!stale.isEmpty()) {
            line.append('\n').append(turn.t("digest.stale", stale.size(), Html.escape(String.join(", ",
                    stale.subList(0, Math.min(MAX_NAMES, stale.size()))))));
        }
        if (!overdue.isEmpty()) {
            line.append('\n').append(turn.t("digest.overdue.items")).append('\n').append(String.join("\n", overdue));
        }
        return line.toString();
    }
}
