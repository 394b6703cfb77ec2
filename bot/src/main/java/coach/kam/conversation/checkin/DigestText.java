package coach.kam.conversation.checkin;

import coach.kam.conversation.Turn;
import coach.kam.conversation.commands.AccountOverview;
import coach.kam.deals.Forecast;
import coach.kam.deals.ObjectionLosses;
import coach.kam.team.Digest;
import coach.kam.targets.Targets;
import coach.kam.text.Html;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * The manager's digest as said: per rep, by name, the accounts, the week's activity, the pipeline
 * against a week ago with the objections that lost deals, the target, tiers and their changes,
 * accounts past their cadence and the overdue plan items by title. Never what a rep wrote.
 */
final class DigestText {
    private static final int MAX_NAMES = 5;
    private static final int MAX_OVERDUE = 3;
    private final Digest digest;
    private final AccountOverview overview;
    private CheckinModule.Words words = (lang, key, args) -> "";
    private BiFunction<String, String, String> objectionTitle = (id, lang) -> id;

    DigestText(Digest digest, AccountOverview overview) {
        this.digest = digest;
        this.overview = overview;
    }

    /** Message text without a chat turn: (language, key, arguments). */
    void wording(CheckinModule.Words w) {
        this.words = w;
    }

    /** Names the objections that lost deals: (objection id, language) to title. */
    void namingObjections(BiFunction<String, String, String> titles) {
        this.objectionTitle = titles;
    }

    /** The digest now, with tier changes since the last one sent (/team digest); nothing is marked. */
    void now(Turn turn) {
        turn.say(text(turn, digest.now(turn.tx(), turn.userId(), turn.now(), turn.zone())));
    }

    /** The scheduled Monday digest: said once per week, also across restarts. */
    void weekly(Turn turn) {
        digest.weekly(turn.tx(), turn.userId(), turn.now(), turn.zone()).ifPresent(reps -> turn.say(text(turn, reps)));
    }

    private String text(Turn turn, List<Digest.RepWeek> reps) {
        if (reps.isEmpty()) {
            return turn.t("team.empty");
        }
        StringBuilder out = new StringBuilder(turn.t("digest.title", reps.size()));
        for (Digest.RepWeek rep : reps) {
            out.append("\n\n").append(repBlock(turn, rep));
        }
        return out.toString();
    }

    private String repBlock(Turn turn, Digest.RepWeek r) {
        StringBuilder line = new StringBuilder(turn.t("digest.rep", Html.escape(r.name()), r.accounts().size(),
                r.answered()));
        line.append('\n').append(turn.t("digest.activity", r.activity().notes(), r.activity().visits(),
                r.activity().objections(), r.evaluated()));
        r.pipeline().ifPresent(p -> line.append('\n').append(pipeline(turn, p)));
        r.target().ifPresent(t -> line.append('\n').append(target(turn, t)));
        line.append('\n').append(turn.t("digest.tiers", r.tiers().isEmpty() ? "—" : String.join(" · ",
                r.tiers().entrySet().stream().map(en -> en.getKey() + " " + en.getValue()).toList())));
        if (!r.changes().isEmpty()) {
            line.append('\n').append(turn.t("digest.changes", String.join(", ", r.changes().stream()
                    .map(c -> Html.escape(c.account()) + " " + c.was() + "→" + c.now()).toList())));
        }
        if (!r.stale().isEmpty()) {
            line.append('\n').append(turn.t("digest.stale", r.stale().size(), Html.escape(String.join(", ",
                    r.stale().subList(0, Math.min(MAX_NAMES, r.stale().size()))))));
        }
        List<String> overdue = overdue(turn, r);
        if (!overdue.isEmpty()) {
            line.append('\n').append(turn.t("digest.overdue.items")).append('\n').append(String.join("\n", overdue));
        }
        return line.toString();
    }

    /** The first overdue plan items by title, with their account. */
    private List<String> overdue(Turn turn, Digest.RepWeek r) {
        List<String> overdue = new ArrayList<>();
        for (var a : r.accounts()) {
            if (overdue.size() < MAX_OVERDUE) {
                overview.dueItems(turn, a, MAX_OVERDUE).stream().filter(s -> s.startsWith("⚠️"))
                        .limit(MAX_OVERDUE - overdue.size())
                        .forEach(s -> overdue.add(s + " · " + Html.escape(a.name())));
            }
        }
        return overdue;
    }

    /** "Deals: 3 open · 4,500,000 · weighted 2,300,000 · last 7 days won 1 (500,000), lost 0"; never deal notes. */
    private String pipeline(Turn turn, Digest.Pipeline p) {
        String lang = turn.lang();
        String lost = lostToObjections(p.lostTo(), lang);
        String more = weekOnWeek(p, lang) + (lost.isEmpty() ? "" : "\n" + words.get(lang, "digest.lost.objections", lost));
        Forecast f = p.forecast();
        return turn.t("digest.deals", p.open(), Forecast.amount(f.total(), lang), Forecast.amount(f.weighted(), lang),
                p.moves().won(), Forecast.amount(p.moves().wonTotal(), lang), p.moves().lost(), more);
    }

    /** "较上周:进行中 +1 笔 · +200万", the open pipeline against 7 days ago; empty when nothing changed. */
    private String weekOnWeek(Digest.Pipeline p, String lang) {
        Forecast.Open before = p.before();
        BigDecimal change = p.forecast().total().subtract(before.total());
        int count = p.open() - before.count();
        if (count == 0 && change.signum() == 0) {
            return "";
        }
        String amount = (change.signum() < 0 ? "-" : "+") + Forecast.amount(change.abs(), lang);
        return "\n" + words.get(lang, "digest.deals.change", (count < 0 ? "" : "+") + count, amount,
                Forecast.amount(before.total(), lang));
    }

    /** "价格太贵 ×2(350万) · 没有预算 ×1(50万)": what cost this rep deals in the week; never the reasons typed. */
    private String lostToObjections(List<ObjectionLosses.Row> rows, String lang) {
        List<String> parts = new ArrayList<>();
        for (ObjectionLosses.Row r : rows) {
            if (parts.size() < MAX_NAMES) {
                String amount = Forecast.amount(r.amount(), lang);
                parts.add(objectionTitle.apply(r.objectionId(), lang) + " ×" + r.deals()
                        + ("zh".equals(lang) ? "(" + amount + ")" : " (" + amount + ")"));
            }
        }
        return String.join(" · ", parts);
    }

    /** "Target: 20m → 40m, 3m of the 20m gap placed on accounts (15%)". */
    private static String target(Turn turn, Targets.Plan p) {
        return turn.t("digest.target", Forecast.amount(p.rep().current(), turn.lang()),
                Forecast.amount(p.rep().target(), turn.lang()),
                Forecast.amount(p.planned().max(BigDecimal.ZERO), turn.lang()), 100 - p.unplannedPercent());
    }
}
