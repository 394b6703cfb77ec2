package coach.kam.deals;

import coach.kam.store.Keys;
import coach.kam.store.Table;
import coach.kam.store.Tx;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A rep's deals and the history of each: every stage move, win, loss and edit is kept with its
 * date. Keys start with the rep's id, so a rep reads only their own deals.
 */
public final class Deals {
    public static final int MAX_TITLE = 200;
    public static final int MAX_REASON = 300;

    /** One change of a deal: what changed, from what, to what, when. */
    public record Change(long dealId, Instant at, String what, String from, String to) {
    }

    private static final Table<Deal> DEALS = Table.owned("deals", Deal.class);
    private static final Table<Change> CHANGES = Table.owned("deal-changes", Change.class);

    /** The tables kept here, for the program's catalogue ({@code coach.kam.Catalogue}). */
    public static final List<Table<?>> TABLES = List.of(DEALS, CHANGES);

    public Deal create(Tx tx, long ownerId, long accountId, String title, BigDecimal amount, String stage,
                       LocalDate close, String next, Instant now) {
        long id = tx.nextId("deal");
        Deal d = new Deal(id, ownerId, accountId, clip(title, MAX_TITLE), amount, stage, close, clip(next, MAX_TITLE),
                Deal.Status.OPEN, null, now, now, null, null);
        tx.put(DEALS, key(ownerId, id), d);
        record(tx, d, now, "created", null, stage);
        return d;
    }

    public Optional<Deal> get(Tx tx, long ownerId, long dealId) {
        return tx.get(DEALS, key(ownerId, dealId));
    }

    /** All of a rep's deals, newest first. */
    public List<Deal> all(Tx tx, long ownerId) {
        return tx.withPrefix(DEALS, Keys.under(ownerId)).stream()
                .sorted(Comparator.comparingLong(Deal::id).reversed()).toList();
    }

    /**
     * Every rep's deals, for the command line's statistics on a copy of the store (never called in
     * a chat turn: it reads the whole table).
     */
    public List<Deal> everyone(Tx tx) {
        return tx.withPrefix(DEALS, "");
    }

    public List<Deal> ofAccount(Tx tx, long ownerId, long accountId) {
        return all(tx, ownerId).stream().filter(d -> d.accountId() == accountId).toList();
    }

    /** Moves an open deal to another stage; returns the deal as it is now. */
    public Deal move(Tx tx, Deal d, String stage, Instant now) {
        if (!d.open() || d.stage().equals(stage)) {
            return d;
        }
        Deal moved = d.with(stage, Deal.Status.OPEN, null, null, now);
        tx.put(DEALS, key(d.ownerId(), d.id()), moved);
        record(tx, d, now, "stage", d.stage(), stage);
        return moved;
    }

    /** Closes a deal as won or lost with the rep's reason. */
    public Deal close(Tx tx, Deal d, boolean won, String reason, Instant now) {
        return close(tx, d, won, reason, null, now);
    }

    /** As {@link #close(Tx, Deal, boolean, String, Instant)}, with the objection a loss's reason reads as. */
    public Deal close(Tx tx, Deal d, boolean won, String reason, String objectionId, Instant now) {
        Deal closed = d.with(d.stage(), won ? Deal.Status.WON : Deal.Status.LOST, clip(reason, MAX_REASON),
                won ? null : objectionId, now);
        tx.put(DEALS, key(d.ownerId(), d.id()), closed);
        record(tx, d, now, won ? "won" : "lost", d.status().name(), closed.reason());
        return closed;
    }

    /** Opens a closed deal again at the stage it was at. */
    public Deal reopen(Tx tx, Deal d, Instant now) {
        Deal opened = d.with(d.stage(), Deal.Status.OPEN, null, null, now);
        tx.put(DEALS, key(d.ownerId(), d.id()), opened);
        record(tx, d, now, "reopened", d.status().name(), Deal.Status.OPEN.name());
        return opened;
    }

    public Deal edit(Tx tx, Deal d, String title, BigDecimal amount, LocalDate close, String next, Instant now) {
        Deal edited = d.edited(clip(title, MAX_TITLE), amount, close, clip(next, MAX_TITLE), now);
        tx.put(DEALS, key(d.ownerId(), d.id()), edited);
        record(tx, d, now, "edited", null, null);
        return edited;
    }

    /** Sets the next step and its date (either may be missing); the time at the stage runs on. */
    public Deal nextStep(Tx tx, Deal d, String next, java.time.LocalDate date, Instant now) {
        Deal changed = d.nextStep(clip(next, MAX_TITLE), date, d.changed());
        tx.put(DEALS, key(d.ownerId(), d.id()), changed);
        String to = ((changed.next() == null ? "" : changed.next()) + (date == null ? "" : " " + date)).strip();
        record(tx, d, now, "next", d.next(), to);
        return changed;
    }

    /** What happened to a deal, oldest first. */
    public List<Change> history(Tx tx, long ownerId, long dealId) {
        return tx.withPrefix(CHANGES, Keys.under(ownerId, dealId));
    }

    /** Deletes the deals of an account being deleted, with their history. */
    public void forgetAccount(Tx tx, long ownerId, long accountId) {
        for (Deal d : ofAccount(tx, ownerId, accountId)) {
            tx.delete(DEALS, key(ownerId, d.id()));
            for (String k : tx.entries(CHANGES, Keys.under(ownerId, d.id())).keySet()) {
                tx.delete(CHANGES, k);
            }
        }
    }

    private static void record(Tx tx, Deal d, Instant at, String what, String from, String to) {
        long n = tx.nextId("deal-change");
        tx.put(CHANGES, Keys.of(d.ownerId(), d.id(), n), new Change(d.id(), at, what, from, to));
    }

    private static String key(long ownerId, long dealId) {
        return Keys.of(ownerId, dealId);
    }

    private static String clip(String s, int max) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        return t.length() > max ? t.substring(0, max) : t;
    }
}
