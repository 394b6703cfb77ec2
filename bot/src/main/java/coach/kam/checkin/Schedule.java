package coach.kam.checkin;

import coach.kam.store.Keys;
import coach.kam.store.Table;
import coach.kam.store.Tx;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What falls due when, in the store. Keys start with the UTC day and minute, so the entries due
 * by a moment are found by reading the days since the last run, not the whole table.
 */
public final class Schedule {
    public enum Kind { CHECKIN, REMINDER, NUDGE, DIGEST }

    /** One thing to do at {@code due} for a rep; {@code ref} names it within its kind (a reminder id). */
    public record Entry(Instant due, long userId, Kind kind, long ref) {
        String key() {
            // by time first: the days since the last run are read as ranges
            return Keys.path(DAY.format(due), MINUTE.format(due), Long.toString(userId), kind, Long.toString(ref));
        }
    }

    /** When the schedule was last run, so the days in between are read once after a restart. */
    public record State(Instant lastRun) {
    }

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("HHmmss").withZone(ZoneOffset.UTC);
    private static final Table<Entry> ENTRIES = Table.operational("schedule", Entry.class);
    private static final Table<State> STATE = Table.operational("schedule-state", State.class);

    /** The tables kept here, for the program's catalogue ({@code coach.kam.Catalogue}). */
    public static final List<Table<?>> TABLES = List.of(ENTRIES, STATE);
    /** How far back the first run after an upgrade looks. */
    private static final int FIRST_LOOK_BACK_DAYS = 60;

    public void put(Tx tx, Entry e) {
        tx.put(ENTRIES, e.key(), e);
    }

    public void remove(Tx tx, Entry e) {
        tx.delete(ENTRIES, e.key());
    }

    /** Everything due by {@code now}, oldest first. */
    public List<Entry> due(Tx tx, Instant now) {
        LocalDate today = now.atZone(ZoneOffset.UTC).toLocalDate();
        LocalDate from = lastRun(tx).map(i -> i.atZone(ZoneOffset.UTC).toLocalDate().minusDays(1))
                .orElse(today.minusDays(FIRST_LOOK_BACK_DAYS));
        List<Entry> out = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(today); d = d.plusDays(1)) {
            for (Entry e : tx.withPrefix(ENTRIES, Keys.path(d.format(DateTimeFormatter.BASIC_ISO_DATE)) + "/")) {
                if (!e.due().isAfter(now)) {
                    out.add(e);
                }
            }
        }
        return out;
    }

    /** Entries of one rep and kind, in due order (used to find or replace a rep's next check-in). */
    public List<Entry> find(Tx tx, long userId, Kind kind, Instant from, Instant to) {
        List<Entry> out = new ArrayList<>();
        LocalDate end = to.atZone(ZoneOffset.UTC).toLocalDate();
        for (LocalDate d = from.atZone(ZoneOffset.UTC).toLocalDate(); !d.isAfter(end); d = d.plusDays(1)) {
            for (Entry e : tx.withPrefix(ENTRIES, Keys.path(d.format(DateTimeFormatter.BASIC_ISO_DATE)) + "/")) {
                if (e.userId() == userId && e.kind() == kind) {
                    out.add(e);
                }
            }
        }
        return out;
    }

    public Optional<Instant> lastRun(Tx tx) {
        return tx.get(STATE, Keys.path("state")).map(State::lastRun);
    }

    public void ran(Tx tx, Instant now) {
        tx.put(STATE, Keys.path("state"), new State(now));
    }
}
