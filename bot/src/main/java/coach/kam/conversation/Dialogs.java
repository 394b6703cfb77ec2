package coach.kam.conversation;

import coach.kam.store.Keys;
import coach.kam.store.Table;
import coach.kam.store.Tx;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The dialogs table: every key starts with the rep's id, so a forged run id reaches only their own. */
public final class Dialogs {
    static final Table<Dialog> TABLE = Table.owned("dialogs", Dialog.class);

    /** The tables kept here, for the program's catalogue ({@code coach.kam.Catalogue}). */
    public static final List<Table<?>> TABLES = List.of(TABLE);

    private Dialogs() {
    }

    public static Optional<Dialog> get(Tx tx, long userId, long runId) {
        return tx.get(TABLE, key(userId, runId));
    }

    public static void put(Tx tx, Dialog d) {
        tx.put(TABLE, key(d.userId(), d.id()), d);
    }

    public static void delete(Tx tx, Dialog d) {
        tx.delete(TABLE, key(d.userId(), d.id()));
    }

    /** The rep's dialogs, most recently touched first. */
    public static List<Dialog> of(Tx tx, long userId) {
        return tx.withPrefix(TABLE, Keys.under(userId)).stream()
                .sorted(Comparator.comparing(Dialog::touched).reversed()).toList();
    }

    static Dialog fresh(Tx tx, long userId, String kind, String flow, int version, String step, Long accountId,
                        Map<String, String> context, Instant now) {
        return new Dialog(tx.nextId("dialog"), userId, kind, flow, version, step, 1, Map.of(), List.of(), accountId,
                context, now, now, null);
    }

    private static String key(long userId, long runId) {
        return Keys.of(userId, runId);
    }
}
