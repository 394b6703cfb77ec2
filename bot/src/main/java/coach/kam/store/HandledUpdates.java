package coach.kam.store;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The inbox's "this update, handled once": the ids of handled updates, marked in the transaction
 * that handled the update and kept in the store for a day (at most 100,000, see
 * {@link HandledWindow}), so a redelivered update is recognised and changes nothing.
 *
 * <p>Reached through the transaction: {@code HandledUpdates.in(tx).mark(updateId)}. In a
 * {@link Tx.Scope} the marks wait with the scope's other writes: applied by {@link Tx.Scope#keep()},
 * gone when the scope is dropped.
 */
public final class HandledUpdates {
    /** A transaction or scope of this package's store, which carries its marks. */
    interface Holder {
        HandledUpdates handledUpdates();
    }

    /** What marks go to: the transaction's window in the file, or the enclosing marks of a scope. */
    interface Window {
        boolean contains(long updateId);

        boolean mark(long updateId);
    }

    /** Non-null for a transaction's marks, which go to the file's window at once. */
    private final Window window;
    /** Non-null for a scope's marks, which wait here until the scope is kept. */
    private final HandledUpdates enclosing;
    private final Set<Long> here = new LinkedHashSet<>();

    private HandledUpdates(Window window, HandledUpdates enclosing) {
        this.window = window;
        this.enclosing = enclosing;
    }

    /** The marks of a transaction, written to the store's window as they are made. */
    static HandledUpdates of(Window window) {
        return new HandledUpdates(window, null);
    }

    /** The marks of a scope inside {@code enclosing}'s transaction or scope. */
    static HandledUpdates scopeIn(HandledUpdates enclosing) {
        return new HandledUpdates(null, enclosing);
    }

    /** The handled updates as seen by {@code tx}, a transaction or scope of a {@link MapDbStore}. */
    public static HandledUpdates in(Tx tx) {
        if (tx instanceof Holder h) {
            return h.handledUpdates();
        }
        throw new IllegalArgumentException("handled updates are kept by the store's own transactions, not by "
                + tx.getClass().getName());
    }

    /**
     * Records that the update with this id has been handled. Returns false when it had been
     * handled already, in which case the caller must change nothing.
     */
    public boolean mark(long updateId) {
        if (window != null) {
            return window.mark(updateId);
        }
        return !enclosing.isHandled(updateId) && here.add(updateId);
    }

    /** Whether the update with this id was recorded as handled (within the kept window). */
    public boolean isHandled(long updateId) {
        if (window != null) {
            return window.contains(updateId);
        }
        return here.contains(updateId) || enclosing.isHandled(updateId);
    }

    /** A scope's marks go to what encloses it, in the order they were made. */
    void keep() {
        here.forEach(enclosing::mark);
    }
}
