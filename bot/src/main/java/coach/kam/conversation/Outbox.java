package coach.kam.conversation;

import coach.kam.store.Store;
import coach.kam.store.Table;
import coach.kam.store.Tx;
import java.util.List;

/**
 * Replies written in the same transaction as the update that caused them and removed once sent,
 * so a crash between the commit and the send loses no reply: the next start sends what is left.
 * A crash after the send but before the removal sends that reply again, which beats losing it.
 */
public final class Outbox {
    /** The replies owed to one chat for one update. */
    public record Entry(long updateId, long chatId, List<Reply> replies) {
    }

    private static final Table<Entry> ENTRIES = Table.of("outbox", Entry.class);
    private final Store store;

    public Outbox(Store store) {
        this.store = store;
    }

    void put(Tx tx, Entry entry) {
        tx.put(ENTRIES, key(entry.updateId()), entry);
    }

    /** The reply for this update reached the chat. */
    public void delivered(long updateId) {
        store.inTransaction(tx -> {
            tx.delete(ENTRIES, key(updateId));
            return null;
        });
    }

    /** Everything still owed, oldest first. */
    public List<Entry> pending() {
        return store.inTransaction(tx -> tx.withPrefix(ENTRIES, ""));
    }

    private static String key(long updateId) {
        return String.format("%019d", updateId);
    }
}
