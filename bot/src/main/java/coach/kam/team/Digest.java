package coach.kam.team;

import coach.kam.accounts.Account;
import coach.kam.accounts.Accounts;
import coach.kam.accounts.Activity;
import coach.kam.checkin.Checkins;
import coach.kam.deals.Deal;
import coach.kam.deals.Forecast;
import coach.kam.deals.ObjectionLosses;
import coach.kam.flows.AccountFacts;
import coach.kam.overview.AccountStatus;
import coach.kam.store.Tx;
import coach.kam.targets.Targets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The manager's digest in numbers: per rep, by name, the accounts, the last check-in's answers,
 * the week's activity (notes, visits, objections met, evaluations), tiers and the tier changes
 * since the last digest, accounts past their cadence, the pipeline against a week ago, the
 * objections that lost deals and the target. Never what a rep wrote in a note or a loss reason.
 */
public final class Digest {
    static final int WEEK_DAYS = 7;
    private final Accounts accounts;
    private final AccountStatus status;
    private final Checkins checkins;
    private final Team team;
    private final AccountFacts facts = new AccountFacts();
    private coach.kam.deals.Deals deals;
    private coach.kam.deals.Stages stages;
    private Targets targets;

    /** One rep's week; {@code accounts} in list order, {@code stale} the names of those past their cadence. */
    public record RepWeek(long rep, String name, List<Account> accounts, String answered, Activity.Day activity,
                          int evaluated, Map<String, Integer> tiers, List<TierChange> changes, List<String> stale,
                          Optional<Pipeline> pipeline, Optional<Targets.Plan> target) {
    }

    /** An account whose tier moved since the last digest. */
    public record TierChange(String account, String was, String now) {
    }

    /**
     * The rep's deals: open now (count, total, weighted), won and lost in the last 7 days, open a
     * week ago at today's amounts, and the objections that lost deals in those days.
     */
    public record Pipeline(int open, Forecast forecast, Forecast.Moves moves, Forecast.Open before,
                           List<ObjectionLosses.Row> lostTo) {
    }

    public Digest(Accounts accounts, AccountStatus status, Checkins checkins, Team team) {
        this.accounts = accounts;
        this.status = status;
        this.checkins = checkins;
        this.team = team;
    }

    /** Adds each rep's pipeline and target to the digest. */
    public void withDeals(coach.kam.deals.Deals d, coach.kam.deals.Stages s, Targets t) {
        this.deals = d;
        this.stages = s;
        this.targets = t;
    }

    /** The digest now, with tier changes since the last one sent; nothing is marked. Empty list: no reps. */
    public List<RepWeek> now(Tx tx, long managerId, Instant now, ZoneId zone) {
        TeamStore.Members m = team.members(tx, managerId);
        return reps(tx, m, team.store().mark(tx, managerId), new HashMap<>(), now, zone);
    }

    /**
     * This week's digest, unless it went out already or the team is empty; marks the week and the
     * tiers, so it goes out once a week (also across restarts) and the next one names tier changes.
     */
    public Optional<List<RepWeek>> weekly(Tx tx, long managerId, Instant now, ZoneId zone) {
        TeamStore.Members m = team.members(tx, managerId);
        String week = Checkins.week(now, zone);
        Optional<TeamStore.Mark> mark = team.store().mark(tx, managerId);
        if (mark.isPresent() && week.equals(mark.get().week()) || m.reps().isEmpty()) {
            return Optional.empty();
        }
        Map<Long, String> tiers = new HashMap<>();
        List<RepWeek> out = reps(tx, m, mark, tiers, now, zone);
        team.store().mark(tx, new TeamStore.Mark(managerId, week, tiers));
        return Optional.of(out);
    }

    private List<RepWeek> reps(Tx tx, TeamStore.Members m, Optional<TeamStore.Mark> mark, Map<Long, String> tiersNow,
                               Instant now, ZoneId zone) {
        Map<Long, String> before = mark.map(TeamStore.Mark::tiers).orElse(Map.of());
        List<RepWeek> out = new ArrayList<>();
        for (long rep : m.reps()) {
            out.add(rep(tx, rep, before, tiersNow, now, zone));
        }
        return out;
    }

    private RepWeek rep(Tx tx, long rep, Map<Long, String> before, Map<Long, String> tiersNow, Instant now,
                        ZoneId zone) {
        List<Account> all = accounts.list(tx, rep);
        Map<String, Integer> tiers = new TreeMap<>();
        List<String> stale = new ArrayList<>();
        List<TierChange> changes = new ArrayList<>();
        int evaluated = 0;
        Instant weekAgo = now.minus(Duration.ofDays(WEEK_DAYS));
        for (Account a : all) {
            Optional<AccountFacts.Evaluation> e = facts.latestEvaluation(tx, a);
            String tier = e.map(AccountFacts.Evaluation::tier).orElse("–");
            tiers.merge(tier, 1, Integer::sum);
            tiersNow.put(a.id(), tier);
            String was = before.get(a.id());
            if (was != null && !was.equals(tier)) {
                changes.add(new TierChange(a.name(), was, tier));
            }
            if (e.isPresent() && e.get().at().isAfter(weekAgo)) {
                evaluated++;
            }
            if (status.daysPastCadence(tx, a, now).map(d -> d > 0).orElse(false)) {
                stale.add(a.name());
            }
        }
        return new RepWeek(rep, team.name(tx, rep), all, checkins.lastAnswered(tx, rep),
                Activity.last(tx, rep, now, WEEK_DAYS), evaluated, tiers, changes, stale,
                pipeline(tx, rep, now, zone), target(tx, rep));
    }

    private Optional<Pipeline> pipeline(Tx tx, long rep, Instant now, ZoneId zone) {
        if (deals == null) {
            return Optional.empty();
        }
        List<Deal> all = deals.all(tx, rep);
        if (all.isEmpty()) {
            return Optional.empty();
        }
        LocalDate today = now.atZone(zone).toLocalDate();
        Forecast f = Forecast.of(all, stages, now, today);
        Instant weekAgo = now.minus(Duration.ofDays(WEEK_DAYS));
        int open = f.byStage().values().stream().mapToInt(Forecast.Row::count).sum();
        return Optional.of(new Pipeline(open, f, Forecast.movesSince(all, weekAgo), Forecast.openAt(all, weekAgo),
                ObjectionLosses.of(all, weekAgo).rows()));
    }

    private Optional<Targets.Plan> target(Tx tx, long rep) {
        if (targets == null) {
            return Optional.empty();
        }
        return targets.plan(tx, rep, id -> accounts.get(tx, rep, id).isPresent());
    }
}
