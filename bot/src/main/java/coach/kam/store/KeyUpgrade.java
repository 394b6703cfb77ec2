package coach.kam.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the keys of a store written before the one key scheme ({@link Keys}) to it, once: every
 * key of every rep's table is walked (keys only, from the last backwards) and a key that
 * {@link Keys#upgrade} changes is moved with its record. Each transaction walks at most
 * {@link #CHUNK} keys, moves at most {@link #MOVES} and stops walking after {@link #HOLD_NANOS}, so
 * the store's lock is held for a bounded time whatever the store's size;
 * a crash part way leaves some keys moved, and the next start moves the rest (a move is
 * idempotent). The scheme's version is kept in the {@code key-scheme} sequence.
 */
public final class KeyUpgrade {
    /** The key scheme this program writes. */
    public static final long SCHEME = 2;
    static final String MARK = "key-scheme";
    /** Keys walked in one transaction. */
    static final int CHUNK = 2_000;
    /** Records moved in one transaction. */
    static final int MOVES = 50;
    /** How long one transaction walks before it commits what it found. */
    static final long HOLD_NANOS = 10_000_000;
    private static final Logger LOG = LoggerFactory.getLogger(KeyUpgrade.class);

    private KeyUpgrade() {
    }

    /** Moves older keys of the catalogue's rep tables; returns how many moved (0 once done). */
    public static long run(Store store, Tables tables) {
        if (store.inTransaction(tx -> tx.sequence(MARK)) >= SCHEME) {
            return 0;
        }
        long moved = 0;
        for (Table<?> table : tables.all()) {
            if (table.kind() == Table.Kind.OWNED) {
                moved += table(store, table.as(ObjectNode.class));
            }
        }
        store.inTransaction(tx -> {
            tx.raiseSequence(MARK, SCHEME);
            return null;
        });
        if (moved > 0) {
            LOG.info("moved {} keys to the key scheme", moved);
        }
        return moved;
    }

    private static long table(Store store, Table<ObjectNode> table) {
        long moved = 0;
        String[] cursor = {String.valueOf(Character.MAX_VALUE)};
        while (cursor[0] != null) {
            moved += store.inTransaction(tx -> {
                List<Map.Entry<String, String>> moves = new ArrayList<>();
                String k = cursor[0];
                long until = System.nanoTime() + HOLD_NANOS;
                for (int walked = 0; walked < CHUNK && moves.size() < MOVES
                        && (walked % 100 != 0 || System.nanoTime() < until); walked++) {
                    k = tx.lowerKey(table, k);
                    if (k == null) {
                        break;
                    }
                    String upgraded = Keys.upgrade(k);
                    if (!upgraded.equals(k)) {
                        moves.add(Map.entry(k, upgraded));
                    }
                }
                cursor[0] = k;
                int n = 0;
                for (Map.Entry<String, String> m : moves) {
                    var record = tx.get(table, m.getKey());
                    // a damaged record stays where it is, reported by the read
                    if (record.isPresent()) {
                        if (tx.get(table, m.getValue()).isEmpty()) {
                            tx.put(table, m.getValue(), record.get());
                        }
                        tx.delete(table, m.getKey());
                        n++;
                    }
                }
                return (long) n;
            });
        }
        return moved;
    }
}
