package coach.kam.accounts;

import coach.kam.store.Keys;
import coach.kam.store.Table;
import coach.kam.store.Tx;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * What a rep recorded per day (UTC), kept up to date as notes are added and deleted, so that a
 * week's activity is read from seven small records instead of every note the rep ever wrote.
 */
public final class Activity {
    /** Counts of one day. */
    public record Day(int notes, int visits, int objections) {
        Day plus(Note.Kind kind, int by) {
            return switch (kind) {
                case NOTE -> new Day(Math.max(0, notes + by), visits, objections);
                case VISIT -> new Day(notes, Math.max(0, visits + by), objections);
                case OBJECTION -> new Day(notes, visits, Math.max(0, objections + by));
            };
        }

        Day plus(Day other) {
            return new Day(notes + other.notes, visits + other.visits, objections + other.objections);
        }

        public int total() {
            return notes + visits + objections;
        }
    }

    public static final Day NONE = new Day(0, 0, 0);
    private static final Table<Day> DAYS = Table.owned("activity", Day.class);

    /** The tables kept here, for the program's catalogue ({@code coach.kam.Catalogue}). */
    public static final List<Table<?>> TABLES = List.of(DAYS);

    private Activity() {
    }

    static void counted(Tx tx, long ownerId, Note note, int by) {
        if (note.at() == null || note.kind() == null) {
            return;
        }
        String key = key(ownerId, note.at().atOffset(ZoneOffset.UTC).toLocalDate());
        Day now = tx.get(DAYS, key).orElse(NONE).plus(note.kind(), by);
        tx.put(DAYS, key, now);
    }

    /** What the rep recorded in the {@code days} days up to and including the day of {@code until}. */
    public static Day last(Tx tx, long ownerId, Instant until, int days) {
        LocalDate last = until.atOffset(ZoneOffset.UTC).toLocalDate();
        Day sum = NONE;
        for (int i = 0; i < days; i++) {
            sum = sum.plus(tx.get(DAYS, key(ownerId, last.minusDays(i))).orElse(NONE));
        }
        return sum;
    }

    private static String key(long ownerId, LocalDate day) {
        return Keys.of(ownerId, day.toString());
    }
}
