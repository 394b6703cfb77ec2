package coach.kam.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import coach.kam.store.MapDbStore;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An account's counts and last contact stay right through adds, deletes and a lost summary. */
class SummariesTest {
    private static final Instant T0 = Instant.parse("2026-11-02T02:00:00Z");

    @Test
    void countsAndLastContactFollowEveryChange(@TempDir Path dir) {
        Accounts accounts = new Accounts();
        try (MapDbStore store = MapDbStore.open(dir)) {
            store.inTransaction(tx -> {
                Account a = accounts.create(tx, 7, "Acme", T0);
                assertEquals(Summaries.Summary.EMPTY, accounts.summary(tx, a));
                Note first = accounts.addNote(tx, a, Note.text(a.id(), "first", T0.plusSeconds(60)));
                accounts.addNote(tx, a, Note.visit(a.id(), 31.2, 121.4, T0.plusSeconds(120)));
                Note last = accounts.addNote(tx, a, Note.objection(a.id(), "price", "too dear", T0.plusSeconds(180)));
                // an imported note dated earlier does not move the last contact back
                accounts.addNote(tx, a, Note.text(a.id(), "old", T0.minusSeconds(3600)));
                assertEquals(new Summaries.Summary(2, 1, 1, T0.plusSeconds(180), T0.plusSeconds(120)), accounts.summary(tx, a));

                accounts.deleteNote(tx, a, last.id());
                assertEquals(new Summaries.Summary(2, 1, 0, T0.plusSeconds(120), T0.plusSeconds(120)), accounts.summary(tx, a));
                accounts.deleteNote(tx, a, first.id());
                assertEquals(new Summaries.Summary(1, 1, 0, T0.plusSeconds(120), T0.plusSeconds(120)), accounts.summary(tx, a));

                Summaries.forgetRep(tx, 7);
                assertEquals(new Summaries.Summary(1, 1, 0, T0.plusSeconds(120), T0.plusSeconds(120)), accounts.summary(tx, a),
                        "counted again from the notes");
                accounts.delete(tx, a);
                Account again = accounts.create(tx, 7, "Acme", T0);
                assertEquals(Summaries.Summary.EMPTY, accounts.summary(tx, again));
                return null;
            });
        }
    }

    @Test
    void aNoteMarkedAsAVisitMovedOrPutBackKeepsTheCountsRight(@TempDir Path dir) {
        Accounts accounts = new Accounts();
        try (MapDbStore store = MapDbStore.open(dir)) {
            store.inTransaction(tx -> {
                Account a = accounts.create(tx, 7, "Acme", T0);
                Account b = accounts.create(tx, 7, "Beta", T0);
                Note n = accounts.addNote(tx, a, Note.text(a.id(), "met the buyer", T0.plusSeconds(60)));
                accounts.replaceNote(tx, a, new Note(n.id(), a.id(), Note.Kind.VISIT, n.text(), null, null, null,
                        n.at(), null, null));
                assertEquals(new Summaries.Summary(0, 1, 0, T0.plusSeconds(60), T0.plusSeconds(60)),
                        accounts.summary(tx, a), "a note marked as a visit counts as a visit");
                Note moved = accounts.deleteNote(tx, a, n.id()).orElseThrow();
                accounts.restoreNote(tx, b, moved);
                assertEquals(Summaries.Summary.EMPTY, accounts.summary(tx, a));
                assertEquals(new Summaries.Summary(0, 1, 0, T0.plusSeconds(60), T0.plusSeconds(60)),
                        accounts.summary(tx, b), "moved with its counts");
                accounts.restoreNote(tx, b, moved);
                assertEquals(1, accounts.noteCount(tx, b), "putting back a note that is there counts nothing");
                assertEquals(List.of(moved.id()), accounts.recentNotes(tx, b, 0, 5).stream().map(Note::id).toList());
                return null;
            });
        }
    }
}
