package coach.kam.checkin;

import coach.kam.store.Keys;
import coach.kam.store.Table;
import coach.kam.store.Tx;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Each rep's check-in settings, the check-ins sent and answered, snoozed accounts and nudges sent. */
public final class CheckinStore {
    public static final DayOfWeek DEFAULT_DAY = DayOfWeek.MONDAY;
    public static final LocalTime DEFAULT_TIME = LocalTime.of(9, 0);

    /** When a rep's weekly check-in goes out, and when the next one (and the next nudge) is due. */
    public record Prefs(long userId, DayOfWeek day, LocalTime time, String zone, Instant nextCheckin, Instant nextNudge,
                 Instant nextDigest) {
    }

    /** One week's check-in: the accounts it named and those the rep answered. */
    public record Sent(long userId, String week, Instant at, List<Long> accounts, Set<Long> answered) {
        public Sent {
            accounts = accounts == null ? List.of() : List.copyOf(accounts);
            answered = answered == null ? Set.of() : Set.copyOf(answered);
        }
    }

    /** An account left out of check-ins and nudges until a day. */
    public record Snooze(long accountId, LocalDate until, String reason) {
    }

    /** The last nudge day, and when each thing was last nudged about, so nothing is repeated daily. */
    public record Nudged(LocalDate lastDay, Map<String, LocalDate> items) {
        public Nudged {
            items = items == null ? Map.of() : Map.copyOf(items);
        }
    }

    private static final Table<Prefs> PREFS = Table.owned("checkin-prefs", Prefs.class);
    private static final Table<Sent> SENT = Table.owned("checkins", Sent.class);
    private static final Table<Snooze> SNOOZES = Table.owned("snoozes", Snooze.class);
    private static final Table<Nudged> NUDGED = Table.owned("nudges", Nudged.class);

    /** The tables kept here, for the program's catalogue ({@code coach.kam.Catalogue}). */
    public static final List<Table<?>> TABLES = List.of(PREFS, SENT, SNOOZES, NUDGED);

    public Optional<Prefs> prefs(Tx tx, long userId) {
        return tx.get(PREFS, Keys.of(userId));
    }

    public void putPrefs(Tx tx, Prefs p) {
        tx.put(PREFS, Keys.of(p.userId()), p);
    }

    public List<Prefs> allPrefs(Tx tx) {
        return tx.withPrefix(PREFS, "");
    }

    public Optional<Sent> sent(Tx tx, long userId, String week) {
        return tx.get(SENT, Keys.of(userId, week));
    }

    public void putSent(Tx tx, Sent s) {
        tx.put(SENT, Keys.of(s.userId(), s.week()), s);
    }

    /** The rep's check-ins, oldest first (week keys sort in time order). */
    public List<Sent> sentAll(Tx tx, long userId) {
        return tx.withPrefix(SENT, Keys.under(userId));
    }

    public Optional<Snooze> snooze(Tx tx, long userId, long accountId) {
        return tx.get(SNOOZES, Keys.of(userId, accountId));
    }

    public void putSnooze(Tx tx, long userId, Snooze s) {
        tx.put(SNOOZES, Keys.of(userId, s.accountId()), s);
    }

    public boolean snoozed(Tx tx, long userId, long accountId, LocalDate today) {
        return snooze(tx, userId, accountId).map(s -> s.until().isAfter(today)).orElse(false);
    }

    public Nudged nudged(Tx tx, long userId) {
        return tx.get(NUDGED, Keys.of(userId)).orElse(new Nudged(null, Map.of()));
    }

    public void putNudged(Tx tx, long userId, Nudged n) {
        tx.put(NUDGED, Keys.of(userId), n);
    }
}
