package coach.kam.accounts;

import coach.kam.store.Keys;
import coach.kam.store.Table;
import coach.kam.store.Tx;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which checklist items are done for one account. Progress is kept by item id, so rewording an
 * item in the knowledge files keeps its tick.
 */
public final class ChecklistProgress {
    /** The ticked items of one checklist on one account. */
    public record Ticks(String checklistId, Set<String> done) {
    }

    private static final Table<Ticks> TICKS = Table.owned("checklist-progress", Ticks.class);

    /** The tables kept here, for the program's catalogue ({@code coach.kam.Catalogue}). */
    public static final List<Table<?>> TABLES = List.of(TICKS);

    public Set<String> done(Tx tx, Account account, String checklistId) {
        return tx.get(TICKS, key(account, checklistId)).map(Ticks::done).orElse(Set.of());
    }

    /**
     * Ticks the item, or unticks it when it was ticked; returns whether it is now done. The rep's
     * change log keeps it, so /undo can take it back.
     */
    public boolean toggle(Tx tx, Account account, String checklistId, String itemId) {
        boolean nowDone = !done(tx, account, checklistId).contains(itemId);
        set(tx, account, checklistId, itemId, nowDone);
        ChangeLog.record(tx, account.ownerId(), ChangeLog.Kind.TICK, account.id(), null, null, null,
                checklistId + "/" + itemId, null, nowDone, null);
        return nowDone;
    }

    /** Sets the item's tick without recording a change (undo and redo use it). */
    public void set(Tx tx, Account account, String checklistId, String itemId, boolean ticked) {
        Set<String> done = new TreeSet<>(done(tx, account, checklistId));
        if (ticked) {
            done.add(itemId);
        } else {
            done.remove(itemId);
        }
        tx.put(TICKS, key(account, checklistId), new Ticks(checklistId, done));
    }

    /** Every checklist with at least one tick on this account. */
    public List<Ticks> all(Tx tx, Account account) {
        return tx.withPrefix(TICKS, Keys.under(account.ownerId(), account.id())).stream()
                .filter(t -> !t.done().isEmpty()).toList();
    }

    /** Forgets the account's progress (when the account is deleted). */
    public void clear(Tx tx, Account account) {
        for (Ticks t : tx.withPrefix(TICKS, Keys.under(account.ownerId(), account.id()))) {
            tx.delete(TICKS, key(account, t.checklistId()));
        }
    }

    private static String key(Account account, String checklistId) {
        return Keys.of(account.ownerId(), account.id(), checklistId);
    }
}
