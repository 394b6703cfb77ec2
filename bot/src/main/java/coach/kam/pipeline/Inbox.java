package coach.kam.pipeline;

import coach.kam.store.Keys;
import coach.kam.store.Table;
import coach.kam.store.Tx;
import java.util.List;

/**
 * Updates that were received and made durable but are not handled yet. An update is added before
 * the transport is told it arrived, and removed in the same transaction as the turn that handled
 * it, so a process death in between loses nothing and repeats nothing.
 */
public final class Inbox {
    static final Table<Entry> TABLE = Table.operational("inbox", Entry.class);

    /** The tables kept here, for the program's catalogue ({@code coach.kam.Catalogue}). */
    public static final List<Table<?>> TABLES = List.of(TABLE);

    /**
     * One waiting update: {@code json} as the adapter wrote it; {@code noticed} once its "one moment"
     * was queued; {@code attempts} that failed; {@code deaths} of the process while it was in hand.
     */
    public record Entry(long seq, int updateId, long chatKey, String json, boolean noticed, int attempts,
                        int deaths) {
        Entry withNoticed() {
            return new Entry(seq, updateId, chatKey, json, true, attempts, deaths);
        }

        Entry withFailure() {
            return new Entry(seq, updateId, chatKey, json, noticed, attempts + 1, deaths);
        }

        Entry withDeath() {
            return new Entry(seq, updateId, chatKey, json, noticed, attempts, deaths + 1);
        }

        /** Whether the process died while this update was in hand. */
        public boolean suspect() {
            return deaths > 0;
        }
    }

    private Inbox() {
    }

    static Entry add(Tx tx, int updateId, long chatKey, String json) {
        Entry e = new Entry(tx.nextId("inbox"), updateId, chatKey, json, false, 0, 0);
        tx.put(TABLE, key(e.seq()), e);
        return e;
    }

    static void put(Tx tx, Entry e) {
        tx.put(TABLE, key(e.seq()), e);
    }

    static void remove(Tx tx, Entry e) {
        tx.delete(TABLE, key(e.seq()));
    }

    /** Everything waiting, oldest first (read once at start; the inbox holds seconds of traffic). */
    static List<Entry> all(Tx tx) {
        return tx.withPrefix(TABLE, "");
    }

    private static String key(long seq) {
        return Keys.queue(seq);
    }
}
