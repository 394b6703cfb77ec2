package coach.kam.checkin;

import coach.kam.store.Keys;
import coach.kam.store.Table;
import coach.kam.store.Tx;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.List;

/** How often each rep's scheduled turn failed in a row, and the entries of one as JSON for the quarantine. */
public final class ScheduleFailures {
    /** A rep's failures in a row. */
    public record Failures(long userId, int attempts) {
    }

    private static final Table<Failures> TABLE = Table.operational("schedule-failures", Failures.class);

    /** The tables kept here, for the program's catalogue ({@code coach.kam.Catalogue}). */
    public static final List<Table<?>> TABLES = List.of(TABLE);
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());

    private ScheduleFailures() {
    }

    /** Counts one more failure; returns how many in a row. */
    public static int failed(Tx tx, long userId) {
        int attempts = tx.get(TABLE, Keys.of(userId)).map(Failures::attempts).orElse(0) + 1;
        tx.put(TABLE, Keys.of(userId), new Failures(userId, attempts));
        return attempts;
    }

    public static void clear(Tx tx, long userId) {
        if (tx.get(TABLE, Keys.of(userId)).isPresent()) {
            tx.delete(TABLE, Keys.of(userId));
        }
    }

    public static String encode(List<Schedule.Entry> entries) {
        try {
            return JSON.writeValueAsString(entries);
        } catch (Exception e) {
            throw new IllegalStateException("cannot write scheduled entries", e);
        }
    }

    public static List<Schedule.Entry> decode(String json) {
        try {
            return JSON.readValue(json, new TypeReference<List<Schedule.Entry>>() { });
        } catch (Exception e) {
            throw new IllegalArgumentException("not a list of scheduled entries: " + e.getMessage(), e);
        }
    }
}
