package coach.kam.accounts;

import coach.kam.store.Keys;
import coach.kam.store.Table;
import coach.kam.store.Tx;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The rep's last changes, newest last, so that undo takes back exactly the last one and a second
 * press puts it back. At most {@value #KEEP} are kept per rep, in one record keyed by the rep's id,
 * so nothing here grows with the rep's data.
 */
public final class ChangeLog {
    /** What kind of change it was; what undo does follows from it. */
    public enum Kind { NOTE_ADDED, NOTE_EDITED, NOTE_DELETED, NOTE_MOVED, TICK, REMINDER_ADDED }

    /**
     * One change. {@code before} and {@code after} are the note as it was and as it became (either is
     * null when there was none); a tick names its checklist and item in {@code ref} ("checklist/item")
     * and whether it was ticked in {@code ticked}; a reminder names its id in {@code ref} and its text in
     * {@code label} ({@code accountId} is 0 for a reminder about no account). {@code undone} is true once
     * it was taken back.
     */
    public record Change(long seq, Kind kind, long accountId, Long toAccountId, Note before, Note after, String ref,
                         String label, Boolean ticked, Instant at, boolean undone) {
        public Change asUndone(boolean value, Instant now) {
            return new Change(seq, kind, accountId, toAccountId, before, after, ref, label, ticked, now, value);
        }
    }

    /** The kept changes of one rep. */
    public record Log(List<Change> changes) {
        public Log {
            changes = changes == null ? List.of() : List.copyOf(changes);
        }
    }

    static final int KEEP = 20;
    private static final Table<Log> LOGS = Table.operational("undo-log", Log.class);

    /** The tables kept here, for the program's catalogue ({@code coach.kam.Catalogue}). */
    public static final List<Table<?>> TABLES = List.of(LOGS);

    private ChangeLog() {
    }

    /** Records a change the rep just made. */
    public static Change record(Tx tx, long userId, Kind kind, long accountId, Long toAccountId, Note before,
                                Note after, String ref, String label, Boolean ticked, Instant now) {
        List<Change> all = new ArrayList<>(log(tx, userId).changes());
        Change c = new Change(tx.nextId("undo"), kind, accountId, toAccountId, before, after, ref, label, ticked, now,
                false);
        all.add(c);
        save(tx, userId, all);
        return c;
    }

    /** The newest change not yet taken back. */
    public static Optional<Change> lastDone(Tx tx, long userId) {
        List<Change> all = log(tx, userId).changes();
        for (int i = all.size() - 1; i >= 0; i--) {
            if (!all.get(i).undone()) {
                return Optional.of(all.get(i));
            }
        }
        return Optional.empty();
    }

    public static Optional<Change> get(Tx tx, long userId, long seq) {
        return log(tx, userId).changes().stream().filter(c -> c.seq() == seq).findFirst();
    }

    /** The newest change that added or moved this note. */
    public static Optional<Change> ofNote(Tx tx, long userId, long noteId) {
        List<Change> all = log(tx, userId).changes();
        for (int i = all.size() - 1; i >= 0; i--) {
            Change c = all.get(i);
            if (c.after() != null && c.after().id() == noteId
                    && (c.kind() == Kind.NOTE_ADDED || c.kind() == Kind.NOTE_MOVED)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /**
     * Marks a change taken back (or put back): it moves to the top, so the next undo takes back
     * whatever was done last, a put-back included.
     */
    public static Change mark(Tx tx, long userId, Change c, boolean undone, Instant now) {
        List<Change> all = new ArrayList<>(log(tx, userId).changes());
        all.removeIf(x -> x.seq() == c.seq());
        Change moved = c.asUndone(undone, now);
        all.add(moved);
        save(tx, userId, all);
        return moved;
    }

    private static Log log(Tx tx, long userId) {
        return tx.get(LOGS, Keys.of(userId)).orElse(new Log(List.of()));
    }

    private static void save(Tx tx, long userId, List<Change> all) {
        List<Change> kept = all.size() > KEEP ? all.subList(all.size() - KEEP, all.size()) : all;
        tx.put(LOGS, Keys.of(userId), new Log(kept));
    }
}
