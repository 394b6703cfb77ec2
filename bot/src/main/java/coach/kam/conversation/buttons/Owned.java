package coach.kam.conversation.buttons;

import coach.kam.accounts.Account;
import coach.kam.accounts.Accounts;
import coach.kam.accounts.Note;
import coach.kam.conversation.Turn;
import java.util.Optional;

/**
 * The one check of a press against the presser's own data: an account id (a button's, or one a
 * one-step question kept) is looked up among the presser's accounts only, a note id only under
 * that account. What is not theirs (forged, or deleted since) gets the short stale answer and
 * the handler does not run.
 */
public final class Owned {
    private final Accounts accounts;

    public Owned(Accounts accounts) {
        this.accounts = accounts;
    }

    /** What a press naming an account does with the presser's own account. */
    @FunctionalInterface
    public interface WithAccount<T> {
        void press(Turn turn, T pressed, Account account);
    }

    /** What a press naming a note does with the presser's own account and note. */
    @FunctionalInterface
    public interface WithNote<T> {
        void press(Turn turn, T pressed, Account account, Note note);
    }

    /** A press whose account was checked before {@code then} runs; the registration of account kinds requires one. */
    public static final class Checked<T> implements Press<T> {
        private final Press<T> then;

        private Checked(Press<T> then) {
            this.then = then;
        }

        @Override
        public void press(Turn turn, T pressed) {
            then.press(turn, pressed);
        }
    }

    /** The presser's own account named by the press; otherwise "accounts.gone". */
    public <T extends AccountRef> Press<T> account(WithAccount<T> then) {
        return new Checked<>((turn, pressed) -> account(turn, pressed.accountId())
                .ifPresent(a -> then.press(turn, pressed, a)));
    }

    /** The presser's own account and its note named by the press; otherwise "note.gone". */
    public <T extends NoteRef> Press<T> note(WithNote<T> then) {
        return new Checked<>((turn, pressed) -> {
            Optional<Account> a = find(turn, pressed.accountId());
            Optional<Note> n = a.flatMap(x -> accounts.note(turn.tx(), x, pressed.noteId()));
            if (n.isEmpty()) {
                turn.say(turn.t("note.gone"));
                return;
            }
            then.press(turn, pressed, a.get(), n.get());
        });
    }

    /** A press that checks what it names itself, through {@link #find} or {@link #account(Turn, long)}. */
    public <T extends AccountRef> Press<T> checkedBy(Press<T> handler) {
        return new Checked<>(handler);
    }

    /** The presser's own account of that id; otherwise says "accounts.gone". */
    public Optional<Account> account(Turn turn, long id) {
        Optional<Account> a = find(turn, id);
        if (a.isEmpty()) {
            turn.say(turn.t("accounts.gone"));
        }
        return a;
    }

    /**
     * As {@link #account(Turn, long)} for an id kept as text (the argument of a one-step question or
     * of a dialog button's choice): anything but 1 to 18 digits is gone.
     */
    public Optional<Account> account(Turn turn, String id) {
        Optional<Long> parsed = Optional.ofNullable(id).flatMap(Owned::parseId);
        if (parsed.isEmpty()) {
            turn.say(turn.t("accounts.gone"));
            return Optional.empty();
        }
        return account(turn, parsed.get());
    }

    /** The presser's own account of that id, saying nothing when there is none. */
    public Optional<Account> find(Turn turn, long id) {
        return accounts.get(turn.tx(), turn.userId(), id);
    }

    /** The note of that id under the presser's own account, saying nothing when there is none. */
    public Optional<Note> note(Turn turn, Account account, long noteId) {
        return accounts.note(turn.tx(), account, noteId);
    }

    /** 1 to 18 ASCII digits as a number, scanned (no pattern). */
    public static Optional<Long> parseId(String s) {
        if (s == null || s.isEmpty() || s.length() > 18) {
            return Optional.empty();
        }
        long n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return Optional.empty();
            }
            n = n * 10 + (c - '0');
        }
        return Optional.of(n);
    }
}
