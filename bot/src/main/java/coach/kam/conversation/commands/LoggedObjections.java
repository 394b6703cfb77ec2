package coach.kam.conversation.commands;

import coach.kam.accounts.Account;
import coach.kam.accounts.Accounts;
import coach.kam.accounts.Note;
import coach.kam.conversation.Turn;
import coach.kam.store.Keys;
import coach.kam.store.Table;
import java.util.Objects;
import java.util.List;

/**
 * Ties an objection card's 👍/👎 to the objection the rep logged from it, whichever comes first:
 * the logged note then shows the script used and how it went. One record per rep: the card they
 * last acted on.
 */
public final class LoggedObjections {
    /** The last card acted on: its objection, the script shown, the verdict, and the note logged from it. */
    record Last(String objectionId, Integer script, Boolean worked, Long accountId, Long noteId) {
    }

    private static final Table<Last> LAST = Table.owned("objection-card-last", Last.class);

    /** The tables kept here, for the program's catalogue ({@code coach.kam.Catalogue}). */
    public static final List<Table<?>> TABLES = List.of(LAST);
    private final Accounts accounts;

    LoggedObjections(Accounts accounts) {
        this.accounts = accounts;
    }

    /** The note about to be logged, with the script shown and the verdict already given on that card. */
    Note complete(Turn turn, String objectionId, Integer script, Note note) {
        Note withScript = note.withScript(script);
        return last(turn).filter(l -> l.objectionId().equals(objectionId) && Objects.equals(l.script(), script))
                .map(l -> withScript.withResult(l.worked())).orElse(withScript);
    }

    void remember(Turn turn, Account account, Note note) {
        turn.tx().put(LAST, key(turn), new Last(note.objectionId(), note.script(), note.worked(), account.id(), note.id()));
    }

    /** A 👍/👎: kept for a log that follows, and written to the note already logged from the same card. */
    void feedback(Turn turn, String objectionId, int script, boolean worked) {
        var previous = last(turn).filter(l -> l.objectionId().equals(objectionId));
        Long accountId = previous.map(Last::accountId).orElse(null);
        Long noteId = previous.map(Last::noteId).orElse(null);
        if (accountId != null && noteId != null) {
            accounts.get(turn.tx(), turn.userId(), accountId)
                    .ifPresent(a -> accounts.note(turn.tx(), a, noteId)
                            .filter(n -> n.script() == null || n.script() == script)
                            .ifPresent(n -> accounts.replaceNote(turn.tx(), a, n.withScript(script).withResult(worked))));
        }
        turn.tx().put(LAST, key(turn), new Last(objectionId, script, worked, accountId, noteId));
    }

    private java.util.Optional<Last> last(Turn turn) {
        return turn.tx().get(LAST, key(turn));
    }

    private static String key(Turn turn) {
        return Keys.of(turn.userId());
    }
}
