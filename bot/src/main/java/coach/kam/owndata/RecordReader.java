package coach.kam.owndata;

import coach.kam.accounts.Account;
import coach.kam.accounts.Accounts;
import coach.kam.accounts.Note;
import coach.kam.checkin.Reminders;
import coach.kam.deals.Deal;
import coach.kam.deals.Deals;
import coach.kam.store.Tx;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads one account's records as {@link OwnRecord}s, always through the owner's own keys: notes,
 * visits and objections met (by the accounts' writer), deals, open reminders, and whatever the
 * extra sources add (walkthrough answers and plan items, read where their wording lives).
 */
public final class RecordReader {
    /** More records of an account (walkthrough answers); read in the caller's transaction. */
    @FunctionalInterface
    public interface Source {
        List<OwnRecord> read(Tx tx, Account account);
    }

    private final Accounts accounts;
    private final Deals deals;
    private final List<Source> extra;

    public RecordReader(Accounts accounts, Deals deals, List<Source> extra) {
        this.accounts = accounts;
        this.deals = deals;
        this.extra = List.copyOf(extra);
    }

    public Optional<Account> account(Tx tx, long ownerId, long accountId) {
        return accounts.get(tx, ownerId, accountId);
    }

    public List<Account> accounts(Tx tx, long ownerId) {
        return accounts.list(tx, ownerId);
    }

    /** The account's notes, visits and objections met. */
    public List<OwnRecord> notes(Tx tx, Account a) {
        List<OwnRecord> out = new ArrayList<>();
        for (Note n : accounts.notes(tx, a)) {
            note(n).ifPresent(out::add);
        }
        return out;
    }

    /** One note, or empty when it is gone or says nothing to search. */
    public Optional<OwnRecord> note(Tx tx, Account a, long noteId) {
        return accounts.note(tx, a, noteId).flatMap(RecordReader::note);
    }

    static Optional<OwnRecord> note(Note n) {
        String text = n.text() == null ? "" : n.text().strip();
        if (text.isEmpty()) {
            return Optional.empty();
        }
        OwnRecord.Kind kind = switch (n.kind()) {
            case VISIT -> OwnRecord.Kind.VISIT;
            case OBJECTION -> OwnRecord.Kind.OBJECTION;
            default -> OwnRecord.Kind.NOTE;
        };
        return Optional.of(new OwnRecord("n:" + n.id(), n.accountId(), kind, n.at(), text, null, n.id()));
    }

    /** Everything but the notes: deals, open reminders, the extra sources. */
    public List<OwnRecord> others(Tx tx, Account a) {
        List<OwnRecord> out = new ArrayList<>();
        for (Deal d : deals.ofAccount(tx, a.ownerId(), a.id())) {
            out.add(deal(d));
        }
        reminders(tx, a, out);
        for (Source s : extra) {
            out.addAll(s.read(tx, a));
        }
        return out;
    }

    private static OwnRecord deal(Deal d) {
        StringBuilder t = new StringBuilder(d.title());
        if (d.amount() != null) {
            t.append(", ").append(d.amount().stripTrailingZeros().toPlainString());
        }
        t.append(", ").append(d.stage());
        if (d.close() != null) {
            t.append(", close ").append(d.close());
        }
        if (d.next() != null && !d.next().isBlank()) {
            t.append(", next: ").append(d.next());
        }
        if (!d.open()) {
            t.append(", ").append(d.status().name().toLowerCase(java.util.Locale.ROOT));
            if (d.reason() != null && !d.reason().isBlank()) {
                t.append(": ").append(d.reason());
            }
        }
        Instant at = d.changed() != null ? d.changed() : d.created();
        return new OwnRecord("d:" + d.id(), d.accountId(), OwnRecord.Kind.DEAL, at, t.toString(), null, 0);
    }

    /** Open reminders about this account. */
    private static void reminders(Tx tx, Account a, List<OwnRecord> out) {
        for (Reminders.Reminder r : Reminders.openOf(tx, a.ownerId())) {
            String text = r.text() == null ? "" : r.text().strip();
            if (r.accountId() == null || r.accountId() != a.id() || text.isEmpty()) {
                continue;
            }
            String when = r.due() == null ? "" : " → " + LocalDate.ofInstant(r.due(), ZoneOffset.UTC);
            out.add(new OwnRecord("r:" + r.id(), a.id(), OwnRecord.Kind.REMINDER, r.createdAt(), text + when, null, 0));
        }
    }
}
