package coach.kam.owndata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.kam.accounts.Account;
import coach.kam.accounts.Accounts;
import coach.kam.accounts.Note;
import coach.kam.deals.Deals;
import coach.kam.store.MapDbStore;
import coach.kam.testing.TestCoach;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The per-rep index follows every committed change of a note (added, edited, deleted, moved, its
 * account deleted), forgets what a rolled-back transaction wrote, and stays within its memory
 * budget by evicting the least recently used rep, who is rebuilt on the next question. Words only
 * (no model), so the index's bookkeeping is what is tested.
 */
class OwnIndexesTest {
    private static final long REP = 11;
    private static final long OTHER = 12;
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-27T02:00:00Z"), ZoneOffset.UTC);

    private record Setup(MapDbStore store, Accounts accounts, OwnIndexes indexes, OwnSearch search) {
    }

    private Setup setup(long budget) throws Exception {
        MapDbStore store = MapDbStore.open(Files.createTempDirectory("kam-owndata"));
        Accounts accounts = new Accounts();
        OwnIndexes indexes = new OwnIndexes(store, new RecordReader(accounts, new Deals(), List.of()), Optional::empty, budget, clock);
        accounts.whenNoteChanged((tx, owner, account, note) -> tx.afterCommit(() -> indexes.noteChanged(owner, account, note)));
        accounts.whenDeleted((tx, a) -> tx.afterCommit(() -> indexes.accountChanged(a.ownerId(), a.id())));
        return new Setup(store, accounts, indexes, new OwnSearch(indexes));
    }

    private static List<String> texts(OwnSearch.Found f) {
        return f.hits().stream().map(h -> h.record().text()).toList();
    }

    @Test
    void everyCommittedChangeOfANoteIsFollowed() throws Exception {
        Setup s = setup(OwnIndexes.DEFAULT_BUDGET_BYTES);
        try (MapDbStore store = s.store()) {
            Account acme = store.inTransaction(tx -> s.accounts().create(tx, REP, "Acme", clock.instant()));
            Account beta = store.inTransaction(tx -> s.accounts().create(tx, REP, "Beta", clock.instant()));
            Note n = store.inTransaction(tx -> s.accounts().addNote(tx, acme,
                    Note.text(acme.id(), "Jim wants the price down 5 percent", clock.instant())));
            assertEquals(List.of("Jim wants the price down 5 percent"), texts(s.search().search(REP, acme.id(), "price", 3)));

            Note edited = n.withText("Jim accepts the price, tender in March");
            store.inTransaction(tx -> s.accounts().replaceNote(tx, acme, edited));
            assertEquals(List.of("Jim accepts the price, tender in March"), texts(s.search().search(REP, acme.id(), "tender", 3)));
            assertEquals(List.of(), texts(s.search().search(REP, acme.id(), "percent", 3)));

            store.inTransaction(tx -> {
                s.accounts().deleteNote(tx, acme, n.id());
                return s.accounts().restoreNote(tx, beta, edited);
            });
            assertEquals(List.of(), texts(s.search().search(REP, acme.id(), "tender", 3)));
            assertEquals(List.of("Jim accepts the price, tender in March"), texts(s.search().search(REP, beta.id(), "tender", 3)));

            try {
                store.inTransaction(tx -> {
                    s.accounts().addNote(tx, beta, Note.text(beta.id(), "tender cancelled", clock.instant()));
                    throw new IllegalStateException("rolled back");
                });
            } catch (IllegalStateException expected) {
                // the note was never committed
            }
            assertEquals(1, s.search().search(REP, null, "tender", 3).hits().size());

            store.inTransaction(tx -> {
                s.accounts().delete(tx, beta);
                return null;
            });
            assertEquals(List.of(), texts(s.search().search(REP, null, "tender", 3)));
        }
    }

    @Test
    void theLeastRecentlyUsedRepIsEvictedAndRebuiltWhenAsked() throws Exception {
        Setup s = setup(1);
        try (MapDbStore store = s.store()) {
            for (long rep : List.of(REP, OTHER)) {
                Account a = store.inTransaction(tx -> s.accounts().create(tx, rep, "Acme", clock.instant()));
                store.inTransaction(tx -> s.accounts().addNote(tx, a, Note.text(a.id(), "budget approved by rep " + rep,
                        clock.instant())));
            }
            assertEquals(List.of("budget approved by rep 11"), texts(s.search().search(REP, null, "budget", 3)));
            assertEquals(List.of("budget approved by rep 12"), texts(s.search().search(OTHER, null, "budget", 3)));
            assertEquals(1, s.indexes().loadedReps());
            assertEquals(List.of("budget approved by rep 11"), texts(s.search().search(REP, null, "budget", 3)));
            assertEquals(1, s.indexes().loadedReps());
            assertTrue(s.indexes().memoryBytes() > 0);
        }
    }
}
