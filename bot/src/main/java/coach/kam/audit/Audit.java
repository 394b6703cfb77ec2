package coach.kam.audit;

import coach.kam.store.Keys;
import coach.kam.store.Table;
import coach.kam.store.Tx;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit log: one record per event in the {@code audit} table (the newest {@value #KEPT}; each
 * new one removes the one that many places back) and one line in the log
 * ("kam.audit"). {@code kam-coach audit} prints it, newest first. What is recorded is who (a user
 * id), what and a short detail, never a message's text.
 */
public final class Audit {
    private static final Logger LOG = LoggerFactory.getLogger("kam.audit");
    /** One event. {@code action}: join.wrong, join.throttled, invite.wrong, invite.throttled, restore, ... */
    public record Entry(long seq, Instant at, long userId, String action, String detail) {
    }

    static final int KEPT = 50_000;
    private static final Table<Entry> AUDIT = Table.operational("audit", Entry.class);

    /** The tables kept here, for the program's catalogue ({@code coach.kam.Catalogue}). */
    public static final List<Table<?>> TABLES = List.of(AUDIT);

    private Audit() {
    }

    /** Records an event in the caller's transaction, and logs it once the transaction committed. */
    public static Entry record(Tx tx, Instant at, long userId, String action, String detail) {
        long seq = tx.nextId("audit");
        Entry e = new Entry(seq, at, userId, action, detail == null ? "" : detail);
        tx.put(AUDIT, key(seq), e);
        tx.afterCommit(() -> LOG.info("audit {} user {} {}{}", seq, userId, action, e.detail().isEmpty() ? ""
                : ": " + e.detail()));
        trim(tx, seq, at);
        return e;
    }

    /** The record {@value #KEPT} places back goes: one removal a call, found by its key, never by a scan. */
    private static void trim(Tx tx, long seq, Instant now) {
        if (seq > KEPT) {
            tx.delete(AUDIT, key(seq - KEPT));
        }
    }

    /** The newest {@code limit} entries, newest first (read by key from the newest number down). */
    public static List<Entry> newest(Tx tx, int limit) {
        List<Entry> out = new ArrayList<>();
        for (long seq = tx.sequence("audit"); seq > 0 && out.size() < limit && seq > tx.sequence("audit") - KEPT; seq--) {
            tx.get(AUDIT, key(seq)).ifPresent(out::add);
        }
        return out;
    }

    private static String key(long seq) {
        return Keys.pad(seq, 15);
    }
}
