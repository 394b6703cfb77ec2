package coach.kam.checkin;

import coach.kam.accounts.Account;
import coach.kam.accounts.Accounts;
import coach.kam.conversation.Button;
import coach.kam.text.Html;
import coach.kam.conversation.Turn;
import coach.kam.conversation.commands.AccountOverview;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The weekly check-in: the week's focus accounts (tier A first, then those past their cadence or
 * with items due), each with buttons to add progress, set the next step, say nothing changed, or
 * snooze. An unanswered check-in is not repeated; the next one mentions it once.
 */
final class Checkins {
    static final int MAX_ACCOUNTS = 6;
    private static final int FILL_TO = 3;
    private final Accounts accounts;
    private final AccountOverview overview;
    private final CheckinStore store;

    Checkins(Accounts accounts, AccountOverview overview, CheckinStore store) {
        this.accounts = accounts;
        this.overview = overview;
        this.store = store;
    }

    /** "2026-W49" in the rep's zone. */
    static String week(Turn turn) {
        LocalDate d = turn.now().atZone(turn.zone()).toLocalDate();
        return String.format("%d-W%02d", d.get(IsoFields.WEEK_BASED_YEAR), d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    private record Focus(Account account, int rank, long late, int overdue, String tier, Optional<Long> daysSince,
                         int lateDeals) {
    }

    private coach.kam.deals.Deals deals;

    /** Accounts with an open deal whose close date has passed become a focus of the week. */
    void withDeals(coach.kam.deals.Deals d) {
        this.deals = d;
    }

    private int lateDeals(Turn turn, Account a, LocalDate today) {
        if (deals == null) {
            return 0;
        }
        return (int) deals.ofAccount(turn.tx(), turn.userId(), a.id()).stream()
                .filter(d -> d.open() && d.close() != null && d.close().isBefore(today)).count();
    }

    /** The scheduled check-in: a rep with no accounts yet is not written to. */
    void sendIfAccounts(Turn turn) {
        if (!accounts.list(turn.tx(), turn.userId()).isEmpty()) {
            send(turn);
        }
    }

    /**
     * Says this week's check-in in the turn and records it. Sent again in the same week (/checkin),
     * it keeps the answers already given and marks those accounts ✅.
     */
    void send(Turn turn) {
        coach.kam.store.Tx tx = turn.tx();
        long rep = turn.userId();
        LocalDate today = turn.now().atZone(turn.zone()).toLocalDate();
        List<Focus> focus = focus(turn, today);
        String week = week(turn);
        java.util.Set<Long> done = store.sent(tx, rep, week).map(CheckinStore.Sent::answered).orElse(java.util.Set.of());
        // Only the week right after an unanswered check-in looks back at it, so it is mentioned once.
        boolean missedLast = store.sentAll(tx, rep).stream()
                .filter(s -> s.week().compareTo(week) < 0).reduce((a, b) -> b)
                .map(s -> s.answered().isEmpty() && !s.accounts().isEmpty()).orElse(false);
        StringBuilder out = new StringBuilder(turn.t("checkin.title", week));
        if (missedLast) {
            out.append('\n').append(turn.t("checkin.missed"));
        }
        if (focus.isEmpty()) {
            out.append('\n').append(turn.t(accounts.list(tx, rep).isEmpty()
                    ? "checkin.no.accounts" : "checkin.all.snoozed"));
            turn.say(out.toString());
            return;
        }
        out.append('\n').append(turn.t("checkin.intro"));
        List<List<Button>> rows = new ArrayList<>();
        for (Focus f : focus) {
            out.append("\n• ").append(done.contains(f.account().id()) ? "✅ " : "").append("<b>")
                    .append(Html.escape(f.account().name())).append("</b>");
            if (!"–".equals(f.tier())) {
                out.append(" · ").append(f.tier());
            }
            f.daysSince().ifPresentOrElse(d -> out.append(" · ").append(turn.t("checkin.days.since", d)),
                    () -> out.append(" · ").append(turn.t("checkin.no.contact")));
            if (f.late() > 0) {
                out.append(" · ⚠️ ").append(turn.t("review.late", f.late()));
            }
            if (f.overdue() > 0) {
                out.append(" · ").append(turn.t("checkin.overdue", f.overdue()));
            }
            if (f.lateDeals() > 0) {
                out.append(" · ").append(turn.t("checkin.deals.late", f.lateDeals()));
            }
            String data = f.account().id() + ":" + week;
            rows.add(List.of(new Button("➕ " + Html.shorten(f.account().name(), 12), "ci:p:" + data),
                    new Button(turn.t("checkin.btn.next"), "ci:n:" + data),
                    new Button(turn.t("checkin.btn.same"), "ci:x:" + data),
                    new Button("💤", "ci:s:" + data)));
        }
        rows.add(List.of(new Button(turn.t("practice.checkin.button"), "prac:go")));
        turn.say(out.toString(), rows);
        // the answers already given this week stay answered when the check-in is sent again
        store.putSent(tx, new CheckinStore.Sent(rep, week, turn.now(),
                focus.stream().map(f -> f.account().id()).toList(), done));
    }

    private List<Focus> focus(Turn turn, LocalDate today) {
        List<Focus> all = new ArrayList<>();
        for (Account a : accounts.list(turn.tx(), turn.userId())) {
            if (store.snoozed(turn.tx(), turn.userId(), a.id(), today)) {
                continue;
            }
            String tier = overview.tierOrClass(turn, a);
            long late = overview.daysPastCadence(turn, a).orElse(0L);
            int overdue = overview.overdueItems(turn, a);
            Optional<Long> since = overview.lastContact(turn, a)
                    .map(i -> java.time.Duration.between(i, turn.now()).toDays());
            int lateDeals = lateDeals(turn, a, today);
            int rank = "A".equals(tier) || lateDeals > 0 ? 0 : late > 0 ? 1 : overdue > 0 ? 2 : 3;
            all.add(new Focus(a, rank, late, overdue, tier, since, lateDeals));
        }
        all.sort(Comparator.comparingInt(Focus::rank).thenComparing(f -> -f.late())
                .thenComparing(f -> -f.daysSince().orElse(Long.MAX_VALUE / 2)));
        List<Focus> chosen = new ArrayList<>(all.stream().filter(f -> f.rank() < 3).limit(MAX_ACCOUNTS).toList());
        // A week with nothing urgent still names the accounts not heard of longest.
        all.stream().filter(f -> f.rank() == 3).limit(Math.max(0, FILL_TO - chosen.size())).forEach(chosen::add);
        return chosen;
    }

    /** Records that the rep answered this account in that week's check-in. */
    void answered(Turn turn, String week, long accountId) {
        store.sent(turn.tx(), turn.userId(), week).ifPresent(s -> {
            java.util.Set<Long> answered = new java.util.TreeSet<>(s.answered());
            answered.add(accountId);
            store.putSent(turn.tx(), new CheckinStore.Sent(s.userId(), s.week(), s.at(), s.accounts(), answered));
        });
    }
}
