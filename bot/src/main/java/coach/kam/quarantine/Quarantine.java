package coach.kam.quarantine;

import coach.kam.store.Keys;
import coach.kam.store.Table;
import coach.kam.store.Tx;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Work set aside after failing: an update that failed {@value #MAX_ATTEMPTS} times or was in hand
 * at {@value #MAX_DEATHS} process deaths, or a rep's scheduled turn that failed as often. It is
 * kept with its error and is not tried again until someone asks for it ({@link #retry}).
 */
public final class Quarantine {
    public static final int MAX_ATTEMPTS = 3;
    public static final int MAX_DEATHS = 2;
    private static final int STACK_KEPT = 8_000;
    static final Table<Item> TABLE = Table.operational("quarantine", Item.class);

    /** The tables kept here, for the program's catalogue ({@code coach.kam.Catalogue}). */
    public static final List<Table<?>> TABLES = List.of(TABLE);

    /** What was set aside. */
    public enum Kind { UPDATE, SCHEDULED }

    /**
     * One item: {@code payload} is the update's JSON (UPDATE) or the scheduled entries' JSON
     * (SCHEDULED); {@code userId} is whose it is, 0 when unknown.
     */
    public record Item(long id, Kind kind, long userId, int updateId, Instant at, int attempts, int deaths,
                       String error, String stack, String payload) {
    }

    private Quarantine() {
    }

    /** Sets work aside; returns its id. */
    public static Item add(Tx tx, Kind kind, long userId, int updateId, Instant at, int attempts, int deaths,
                           Throwable error, String payload) {
        long id = tx.nextId("quarantine");
        Item item = new Item(id, kind, userId, updateId, at, attempts, deaths,
                error == null ? "the process died while it was in hand" : describe(error), stack(error), payload);
        tx.put(TABLE, key(id), item);
        return item;
    }

    /** Everything set aside, oldest first, at most {@code limit}. */
    public static List<Item> list(Tx tx, int limit) {
        return tx.withPrefix(TABLE, "").stream().limit(limit).toList();
    }

    public static Optional<Item> get(Tx tx, long id) {
        return tx.get(TABLE, key(id));
    }

    /** Removes an item for good. */
    public static boolean drop(Tx tx, long id) {
        Optional<Item> item = get(tx, id);
        item.ifPresent(i -> tx.delete(TABLE, key(id)));
        return item.isPresent();
    }

    /** Removes an item so that it can be tried again; the caller puts it back where it came from. */
    public static Optional<Item> take(Tx tx, long id) {
        Optional<Item> item = get(tx, id);
        item.ifPresent(i -> tx.delete(TABLE, key(id)));
        return item;
    }

    /** "StackOverflowError" or "IllegalStateException: the message", one line. */
    public static String describe(Throwable e) {
        String name = e.getClass().getSimpleName();
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            return name;
        }
        String line = message.strip().replaceAll("\\s+", " ");
        return name + ": " + (line.length() > 300 ? line.substring(0, 300) + "…" : line);
    }

    private static String stack(Throwable e) {
        if (e == null) {
            return "";
        }
        StringWriter out = new StringWriter();
        try (PrintWriter w = new PrintWriter(out)) {
            if (e instanceof StackOverflowError) {
                // thousands of identical frames: the top ones say where it was
                w.println(e);
                StackTraceElement[] frames = e.getStackTrace();
                for (int i = 0; i < Math.min(40, frames.length); i++) {
                    w.println("\tat " + frames[i]);
                }
                w.println("\t... " + Math.max(0, frames.length - 40) + " more");
            } else {
                e.printStackTrace(w);
            }
        }
        String s = out.toString();
        return s.length() > STACK_KEPT ? s.substring(0, STACK_KEPT) + "\n\t…" : s;
    }

    private static String key(long id) {
        return Keys.queue(id);
    }
}
