package coach.kam.accounts;

import coach.kam.store.Keys;
import coach.kam.store.Table;
import coach.kam.store.Tx;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A rep's accounts and what is recorded on them. Every key starts with the owner's id, so a
 * lookup can only ever reach the caller's own records, whatever id a forged button carries.
 */
public final class Accounts {
    public static final int MAX_NAME_LENGTH = 100;
    public static final int MAX_NOTE_LENGTH = 20_000;

    private static final Table<Account> ACCOUNTS = Table.owned("accounts", Account.class);
    private static final Table<Note> NOTES = Table.owned("notes", Note.class);

    /** The tables kept here, for the program's catalogue ({@code coach.kam.Catalogue}). */
    public static final List<Table<?>> TABLES = List.of(ACCOUNTS, NOTES);

    public Account create(Tx tx, long ownerId, String name, Instant now) {
        String clean = cleanName(name);
        Account account = new Account(tx.nextId("account"), ownerId, clean, now);
        tx.put(ACCOUNTS, accountKey(ownerId, account.id()), account);
        return account;
    }

    /** An account of this owner with the same name (ignoring case and spacing), if any. */
    /** A name as {@link #sameName} compares it: case, width, punctuation and spacing ignored. */
    public static String nameKey(String name) {
        return NameMatcher.normalise(name);
    }

    public Optional<Account> sameName(Tx tx, long ownerId, String name) {
        String wanted = NameMatcher.normalise(name);
        return list(tx, ownerId).stream().filter(a -> NameMatcher.normalise(a.name()).equals(wanted)).findFirst();
    }

    public List<Account> list(Tx tx, long ownerId) {
        return tx.withPrefix(ACCOUNTS, Keys.under(ownerId)).stream()
                .sorted(Comparator.comparing(a -> a.name().toLowerCase()))
                .toList();
    }

    public Optional<Account> get(Tx tx, long ownerId, long accountId) {
        return tx.get(ACCOUNTS, accountKey(ownerId, accountId));
    }

    /** The owner's accounts matching {@code query}, best first; one exact match wins alone. */
    public List<Account> find(Tx tx, long ownerId, String query) {
        return NameMatcher.best(query, list(tx, ownerId));
    }

    public Account rename(Tx tx, Account account, String newName) {
        Account renamed = account.renamed(cleanName(newName));
        tx.put(ACCOUNTS, accountKey(account.ownerId(), account.id()), renamed);
        return renamed;
    }

    /** What other capabilities keep about an account goes with it (deals, targets, its place on the map). */
    private final List<java.util.function.BiConsumer<Tx, Account>> onDelete = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** Runs {@code forget} in the transaction that deletes an account. */
    public void whenDeleted(java.util.function.BiConsumer<Tx, Account> forget) {
        onDelete.add(forget);
    }

    /** Told of a note added, replaced, restored or deleted, in the transaction that does it. */
    @FunctionalInterface
    public interface NoteChange {
        void changed(Tx tx, long ownerId, long accountId, long noteId);
    }

    private final List<NoteChange> onNote = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** Runs {@code change} in every transaction that writes or deletes a note (an index follows it after the commit). */
    public void whenNoteChanged(NoteChange change) {
        onNote.add(change);
    }

    private void noteChanged(Tx tx, Account account, long noteId) {
        onNote.forEach(c -> c.changed(tx, account.ownerId(), account.id(), noteId));
    }

    public void delete(Tx tx, Account account) {
        onDelete.forEach(f -> f.accept(tx, account));
        new ChecklistProgress().clear(tx, account);
        String prefix = notePrefix(account.ownerId(), account.id());
        for (Note note : tx.withPrefix(NOTES, prefix)) {
            tx.delete(NOTES, noteKey(account, note.id()));
        }
        tx.delete(ACCOUNTS, accountKey(account.ownerId(), account.id()));
        Summaries.forget(tx, accountKey(account.ownerId(), account.id()));
    }

    public Note addNote(Tx tx, Account account, Note note) {
        if (note.text().length() > MAX_NOTE_LENGTH) {
            throw new IllegalArgumentException("note longer than " + MAX_NOTE_LENGTH);
        }
        Note stored = note.withId(tx.nextId("note"));
        String key = accountKey(account.ownerId(), account.id());
        Summaries.added(tx, key, stored, () -> notes(tx, account));
        tx.put(NOTES, noteKey(account, stored.id()), stored);
        Activity.counted(tx, account.ownerId(), stored, 1);
        noteChanged(tx, account, stored.id());
        return stored;
    }

    /**
     * Replaces a note of this account (same id); a note of another account, or one that is no longer
     * there, is not touched. Returns whether it was replaced.
     */
    public boolean replaceNote(Tx tx, Account account, Note note) {
        String key = noteKey(account, note.id());
        if (note.text().length() > MAX_NOTE_LENGTH) {
            throw new IllegalArgumentException("note longer than " + MAX_NOTE_LENGTH);
        }
        Optional<Note> old = note.accountId() == account.id() ? tx.get(NOTES, key) : Optional.empty();
        if (old.isPresent()) {
            String summaryKey = accountKey(account.ownerId(), account.id());
            boolean counted = old.get().kind() == note.kind() && java.util.Objects.equals(old.get().at(), note.at());
            boolean again = !counted && Summaries.replacing(tx, summaryKey, old.get(), note, () -> notes(tx, account));
            tx.put(NOTES, key, note);
            if (again) {
                summary(tx, account);
            }
            noteChanged(tx, account, note.id());
            return true;
        }
        return false;
    }

    /** Puts a note back under its own id (undoing a delete); returns it. */
    public Note restoreNote(Tx tx, Account account, Note note) {
        Note stored = new Note(note.id(), account.id(), note.kind(), note.text(), note.latitude(), note.longitude(),
                note.objectionId(), note.at(), note.script(), note.worked());
        String key = noteKey(account, stored.id());
        if (tx.get(NOTES, key).isEmpty()) {
            // back in the counts the delete took it from
            Summaries.added(tx, accountKey(account.ownerId(), account.id()), stored, () -> notes(tx, account));
            Activity.counted(tx, account.ownerId(), stored, 1);
        }
        tx.put(NOTES, key, stored);
        noteChanged(tx, account, stored.id());
        return stored;
    }

    /** One note of this account, if it is there. */
    public Optional<Note> note(Tx tx, Account account, long noteId) {
        return tx.get(NOTES, noteKey(account, noteId));
    }

    /** Deletes one note of this account; returns it, or empty when it was not there (already gone, or forged). */
    public Optional<Note> deleteNote(Tx tx, Account account, long noteId) {
        String key = noteKey(account, noteId);
        Optional<Note> note = tx.get(NOTES, key);
        note.ifPresent(n -> {
            tx.delete(NOTES, key);
            Activity.counted(tx, account.ownerId(), n, -1);
            Summaries.deleted(tx, accountKey(account.ownerId(), account.id()), n, () -> notes(tx, account));
            noteChanged(tx, account, n.id());
        });
        return note;
    }

    /**
     * The owner's most recently added note or visit on any account, with its account: the last key
     * of each account, so it reads one note per account whatever the history.
     */
    public Optional<Map.Entry<Account, Note>> lastNote(Tx tx, long ownerId) {
        Map.Entry<Account, Note> last = null;
        for (Account a : list(tx, ownerId)) {
            for (Note n : tx.lastWithPrefix(NOTES, notePrefix(ownerId, a.id()), 0, 1)) {
                if (last == null || n.id() > last.getValue().id()) {
                    last = Map.entry(a, n);
                }
            }
        }
        return Optional.ofNullable(last);
    }

    /**
     * The account's notes, newest added first, after skipping {@code skip}: reads only the notes
     * returned (and the keys skipped), never the whole history.
     */
    public List<Note> recentNotes(Tx tx, Account account, int skip, int limit) {
        return tx.lastWithPrefix(NOTES, notePrefix(account.ownerId(), account.id()), skip, limit);
    }

    /** How many notes, visits and logged objections the account holds (from its summary). */
    public int noteCount(Tx tx, Account account) {
        return summary(tx, account).total();
    }

    /** A note's id, kind and time: enough to order a long history before reading it one note at a time. */
    public record NoteRef(long id, Note.Kind kind, Instant at) {
    }

    /** Records read at a time by {@link #noteRefs}. */
    private static final int REF_PAGE = 500;

    /**
     * Every note's id, kind and time, oldest first ({@code at}, then id), read a page at a time: an
     * export of an account of any length holds these, never the texts, and reads each note when it
     * writes it ({@link #note}).
     */
    public List<NoteRef> noteRefs(Tx tx, Account account) {
        String prefix = notePrefix(account.ownerId(), account.id());
        List<NoteRef> refs = new ArrayList<>();
        for (String after = null; ; ) {
            var page = tx.recordsAfter(NOTES, prefix, after, REF_PAGE);
            for (var e : page.entrySet()) {
                Note n = coach.kam.store.Json.MAPPER.convertValue(e.getValue(), Note.class);
                refs.add(new NoteRef(n.id(), n.kind() == null ? Note.Kind.NOTE : n.kind(), n.at()));
                after = e.getKey();
            }
            if (page.size() < REF_PAGE) {
                break;
            }
        }
        refs.sort(Comparator.comparing(NoteRef::at).thenComparing(NoteRef::id));
        return refs;
    }

    /** The account's counts and last contact, without reading its notes (see {@link Summaries}). */
    public Summaries.Summary summary(Tx tx, Account account) {
        return Summaries.of(tx, accountKey(account.ownerId(), account.id()), () -> notes(tx, account));
    }

    /** Every note, newest first; reads the whole history (exports, imports): screens use {@link #recentNotes}. */
    public List<Note> notes(Tx tx, Account account) {
        List<Note> all = tx.withPrefix(NOTES, notePrefix(account.ownerId(), account.id()));
        return all.stream().sorted(Comparator.comparing(Note::at).thenComparing(Note::id).reversed()).toList();
    }

    /** Trims and collapses white space; names must be 1 to {@value #MAX_NAME_LENGTH} characters. */
    public static String cleanName(String name) {
        String clean = name == null ? "" : name.strip().replaceAll("\\s+", " ");
        if (clean.isEmpty() || clean.length() > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("bad name length " + clean.length());
        }
        return clean;
    }

    private static String accountKey(long ownerId, long accountId) {
        return Keys.of(ownerId, accountId);
    }

    private static String notePrefix(long ownerId, long accountId) {
        return Keys.under(ownerId, accountId);
    }

    private static String noteKey(Account account, long noteId) {
        return Keys.of(account.ownerId(), account.id(), noteId);
    }
}
