package coach.kam.accounts;

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
    public record Summary(int notes, int visits, int objections, Instant lastContact) {
        public static final Summary EMPTY = new Summary(0, 0, 0, null);

        public int total() {
            return notes + visits + objections;
        }

        Summary plus(Note n, int by) {
            Note.Kind kind = n.kind() == null ? Note.Kind.NOTE : n.kind();
            Instant last = by > 0 && n.at() != null && (lastContact == null || n.at().isAfter(lastContact))
                    ? n.at() : lastContact;
            return switch (kind) {
                case NOTE -> new Summary(Math.max(0, notes + by), visits, objections, last);
                case VISIT -> new Summary(notes, Math.max(0, visits + by), objections, last);
                case OBJECTION -> new Summary(notes, visits, Math.max(0, objections + by), last);
            };
        }

        public Optional<Instant> last() {
            return Optional.ofNullable(lastContact);
        }
    }

    static final Table<Summary> SUMMARIES = Table.operational("account-summaries", Summary.class);

    private Summaries() {
    }

    static Summary of(Tx tx, String accountKey, java.util.function.Supplier<List<Note>> allNotes) {
        Optional<Summary> kept = tx.get(SUMMARIES, accountKey);
        if (kept.isPresent()) {
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
        if (kept.isEmpty() || n.at() != null && n.at().equals(kept.get().lastContact())) {
            tx.delete(SUMMARIES, accountKey);
            of(tx, accountKey, allNotes);
            return;
        }
        tx.put(SUMMARIES, accountKey, kept.get().plus(n, -1));
    }

    static void forget(Tx tx, String accountKey) {
        tx.delete(SUMMARIES, accountKey);
    }

    /** Drops every kept summary of a rep, to be counted again (after their notes were imported). */
    public static void forgetRep(Tx tx, long ownerId) {
        for (String key : tx.entries(SUMMARIES, ownerId + "/").keySet()) {
            tx.delete(SUMMARIES, key);
        }
    }
}
