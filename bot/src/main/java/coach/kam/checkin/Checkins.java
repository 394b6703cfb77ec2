package coach.kam.checkin;

import coach.kam.accounts.Account;
import coach.kam.accounts.Accounts;
import coach.kam.overview.AccountStatus;
import coach.kam.store.Tx;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The weekly check-in: the week's focus accounts (tier A or a late deal first, then those past
 * their cadence, then those with items due; a week with nothing urgent names the accounts not
 * heard of longest), the answers given, and whether the check-in before went unanswered.
 */
public final class Checkins {
    public static final int MAX_ACCOUNTS = 6;
    private static final int FILL_TO = 3;
    private final Accounts accounts;
    private final AccountStatus status;
    private final CheckinStore store;
    private coach.kam.deals.Deals deals;

    public Checkins(Accounts accounts, AccountStatus status, CheckinStore store) {
        this.accounts = accounts;
        this.status = status;
        this.store = store;
    }

    /** One focus account: why it is in the week (rank 0 most urgent), days past cadence, overdue items, late deals. */
    public record Focus(Account account, int rank, long late, int overdue, String tier, Optional<Long> daysSince,
                        int lateDeals) {
    }

    /**
     * A week's check-in: its week ("2026-W49"), whether the one before went unanswered, whether the rep
     * has any account, the focus accounts (empty: none, or all snoozed) and those already answered.
     */
    public record Week(String week, boolean missedLast, boolean hasAccounts, List<Focus> focus, Set<Long> answered) {
    }

    /** Accounts with an open deal whose close date has passed become a focus of the week. */
    public void withDeals(coach.kam.deals.Deals d) {
        this.deals = d;
    }

    /** "2026-W49" of {@code now} in {@code zone}. */
    public static String week(Instant now, ZoneId zone) {
        LocalDate d = now.atZone(zone).toLocalDate();
        return String.format("%d-W%02d", d.get(IsoFields.WEEK_BASED_YEAR), d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    /** Whether the rep has an account (a rep with none is not sent the scheduled check-in). */
    public boolean hasAccounts(Tx tx, long rep) {
        return !accounts.list(tx, rep).isEmpty();
    }

    /**
     * This week's check-in, recorded as sent when it names accounts. Taken again in the same week
     * (/checkin), it keeps the answers already given.
     */
    public Week take(Tx tx, long rep, Instant now, ZoneId zone) {
        LocalDate today = now.atZone(zone).toLocalDate();
        List<Focus> focus = focus(tx, rep, now, zone, today);
        String week = week(now, zone);
        Set<Long> done = store.sent(tx, rep, week).map(CheckinStore.Sent::answered).orElse(Set.of());
        // Only the week right after an unanswered check-in looks back at it, so it is mentioned once.
        boolean missedLast = store.sentAll(tx, rep).stream()
                .filter(s -> s.week().compareTo(week) < 0).reduce((a, b) -> b)
                .map(s -> s.answered().isEmpty() && !s.accounts().isEmpty()).orElse(false);
        if (!focus.isEmpty()) {
            // the answers already given this week stay answered when the check-in is sent again
            store.putSent(tx, new CheckinStore.Sent(rep, week, now, focus.stream().map(f -> f.account().id()).toList(),
                    done));
        }
        return new Week(week, missedLast, hasAccounts(tx, rep), focus, done);
    }

    private List<Focus> focus(Tx tx, long rep, Instant now, ZoneId zone, LocalDate today) {
        List<Focus> all = new ArrayList<>();
        for (Account a : accounts.list(tx, rep)) {
            if (store.snoozed(tx, rep, a.id(), today)) {
                continue;
            }
            String tier = status.tierOrClass(tx, a);
            long late = status.daysPastCadence(tx, a, now).orElse(0L);
            int overdue = status.overdueItems(tx, a, now, zone);
            Optional<Long> since = status.lastContact(tx, a).map(i -> Duration.between(i, now).toDays());
            int lateDeals = lateDeals(tx, rep, a, today);
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

    private int lateDeals(Tx tx, long rep, Account a, LocalDate today) {
        if (deals == null) {
            return 0;
        }
        return (int) deals.ofAccount(tx, rep, a.id()).stream()
                .filter(d -> d.open() && d.close() != null && d.close().isBefore(today)).count();
    }

    /** Records that the rep answered this account in that week's check-in. */
    public void answered(Tx tx, long rep, String week, long accountId) {
        store.sent(tx, rep, week).ifPresent(s -> {
            Set<Long> answered = new TreeSet<>(s.answered());
            answered.add(accountId);
            store.putSent(tx, new CheckinStore.Sent(s.userId(), s.week(), s.at(), s.accounts(), answered));
        });
    }

    /** Leaves the account out of check-ins and nudges until {@code until}, for {@code reason}. */
    public void snooze(Tx tx, long rep, long accountId, LocalDate until, String reason) {
        store.putSnooze(tx, rep, new CheckinStore.Snooze(accountId, until, reason));
    }

    /** The answers of the rep's last check-in sent: "2/5", or "—" when none was sent. */
    public String lastAnswered(Tx tx, long rep) {
        return store.sentAll(tx, rep).stream().reduce((x, y) -> y)
                .map(s -> s.answered().size() + "/" + s.accounts().size()).orElse("—");
    }
}
