package coach.kam.conversation.commands;

import coach.kam.conversation.Turn;
import coach.kam.store.Keys;
import coach.kam.store.Table;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Text a rep typed that was answered as a question and may still be saved as a note: the button
 * carries only this entry's id (button data is at most 64 bytes), the text waits here. Keys start
 * with the rep's id, so a forged id reaches only their own entries; the newest few are kept.
 */
public final class PendingNotes {
    /** A line waiting for "save as a note instead". */
    record Pending(long id, long accountId, String text, Instant at) {
    }

    private static final Table<Pending> PENDING = Table.owned("pending-notes", Pending.class);

    /** The tables kept here, for the program's catalogue ({@code coach.kam.Catalogue}). */
    public static final List<Table<?>> TABLES = List.of(PENDING);
    private static final int KEEP = 5;

    Pending put(Turn turn, long accountId, String text) {
        Pending p = new Pending(turn.tx().nextId("pending-note"), accountId, text, turn.now());
        turn.tx().put(PENDING, key(turn.userId(), p.id()), p);
        List<Pending> all = turn.tx().withPrefix(PENDING, Keys.under(turn.userId())).stream()
                .sorted(Comparator.comparingLong(Pending::id).reversed()).toList();
        for (Pending old : all.subList(Math.min(KEEP, all.size()), all.size())) {
            turn.tx().delete(PENDING, key(turn.userId(), old.id()));
        }
        return p;
    }

    /** Takes the entry out: a second press finds nothing and saves nothing twice. */
    Optional<Pending> take(Turn turn, long id) {
        String key = key(turn.userId(), id);
        Optional<Pending> p = turn.tx().get(PENDING, key);
        p.ifPresent(x -> turn.tx().delete(PENDING, key));
        return p;
    }

    private static String key(long userId, long id) {
        return Keys.of(userId, id);
    }
}
