package coach.kam.accounts;

import coach.kam.store.Keys;
import coach.kam.store.Table;
import coach.kam.store.Tx;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Per account: how many notes, visits and objections it has and when the rep last recorded
 * anything, kept up to date as notes are added and deleted, so that a card, /review or a check-in
 * reads one small record instead of the account's whole history. A summary that is missing (an
 * account from before summaries were kept, or one whose notes came in through a data import) is
 * counted once from the notes and kept.
 */
public final class Summaries {
    /** What an account holds, in numbers. */
    public record Summary(int notes, int visits, int objections, Instant lastContact, Instant lastVisit) {
        public static final Summary EMPTY = new Summary(0, 0, 0, null, null);

        public int total() {
            return notes + visits + objections;
        }

        Summary plus(Note n, int by) {
            Note.Kind kind = n.kind() == null ? Note.Kind.NOTE : n.kind();
            Instant last = later(lastContact, n, by);
            return switch (kind) {
                case NOTE -> new Summary(Math.max(0, notes + by), visits, objections, last, lastVisit);
                case VISIT -> new Summary(notes, Math.max(0, visits + by), objections, last, later(lastVisit, n, by));
                case OBJECTION -> new Summary(notes, visits, Math.max(0, objections + by), last, lastVisit);
            };
        }

        private static Instant later(Instant kept, Note n, int by) {
            return by > 0 && n.at() != null && (kept == null || n.at().isAfter(kept)) ? n.at() : kept;
        }

        public Optional<Instant> last() {
            return Optional.ofNullable(lastContact);
        }

        /** When the newest visit was recorded. */
        public Optional<Instant> lastVisitAt() {
            return Optional.ofNullable(lastVisit);
        }

        /** A summary kept before it held the last visit's time: counted again once. */
        boolean stale() {
            return visits > 0 && lastVisit == null;
        }
    }

    static final Table<Summary> SUMMARIES = Table.operational("account-summaries", Summary.class);

    /** The tables kept here, for the program's catalogue ({@code coach.kam.Catalogue}). */
    public static final List<Table<?>> TABLES = List.of(SUMMARIES);

    private Summaries() {
    }

    static Summary of(Tx tx, String accountKey, java.util.function.Supplier<List<Note>> allNotes) {
        Optional<Summary> kept = tx.get(SUMMARIES, accountKey);
        if (kept.isPresent() && !kept.get().stale()) {
            return kept.get();
        }
        Summary counted = Summary.EMPTY;
        for (Note n : allNotes.get()) {
            counted = counted.plus(n, 1);
        }
        tx.put(SUMMARIES, accountKey, counted);
        return counted;
    }

    static void added(Tx tx, String accountKey, Note n, java.util.function.Supplier<List<Note>> allNotes) {
        Summary before = of(tx, accountKey, allNotes);
        tx.put(SUMMARIES, accountKey, before.plus(n, 1));
    }

    /** After a delete: the counts go down; the last contact is found again only when it was the deleted note's. */
    static void deleted(Tx tx, String accountKey, Note n, java.util.function.Supplier<List<Note>> allNotes) {
        Optional<Summary> kept = tx.get(SUMMARIES, accountKey);
        if (kept.isEmpty() || n.at() != null && (n.at().equals(kept.get().lastContact())
                || n.kind() == Note.Kind.VISIT && n.at().equals(kept.get().lastVisit()))) {
            tx.delete(SUMMARIES, accountKey);
            of(tx, accountKey, allNotes);
            return;
        }
        tx.put(SUMMARIES, accountKey, kept.get().plus(n, -1));
    }

    /**
     * Before a note is replaced by {@code now} (its kind or time changed): the counts move from the
     * old to the new. Returns true when the summary was dropped instead, to be counted again once the
     * new note is stored (the old one held the last contact or the last visit).
     */
    static boolean replacing(Tx tx, String accountKey, Note old, Note now, java.util.function.Supplier<List<Note>> allNotes) {
        Summary kept = of(tx, accountKey, allNotes);
        boolean lastVisitGoes = old.kind() == Note.Kind.VISIT && now.kind() != Note.Kind.VISIT
                && old.at() != null && old.at().equals(kept.lastVisit());
        boolean lastContactMoves = old.at() != null && !old.at().equals(now.at()) && old.at().equals(kept.lastContact());
        if (lastVisitGoes || lastContactMoves) {
            tx.delete(SUMMARIES, accountKey);
            return true;
        }
        tx.put(SUMMARIES, accountKey, kept.plus(old, -1).plus(now, 1));
        return false;
    }

    static void forget(Tx tx, String accountKey) {
        tx.delete(SUMMARIES, accountKey);
    }

    /** Drops every kept summary of a rep, to be counted again (after their notes were imported). */
    public static void forgetRep(Tx tx, long ownerId) {
        for (String key : tx.entries(SUMMARIES, Keys.under(ownerId)).keySet()) {
            tx.delete(SUMMARIES, key);
        }
    }
}
