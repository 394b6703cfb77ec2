package coach.kam.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.kam.testing.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Handled update ids are a window (a day), counted in memory; and a turn's scope is kept or dropped whole. */
class HandledWindowTest {
    private static final Table<String> NOTES = Table.of("window-notes", String.class);

    @TempDir
    Path dir;

    @Test
    void anIdIsADuplicateWithinTheWindowAndNewAgainAfterIt() {
        MutableClock clock = MutableClock.at("2026-11-27T02:00:00Z");
        try (MapDbStore store = MapDbStore.open(dir, clock)) {
            assertTrue(store.inTransaction(tx -> tx.markUpdateHandled(7)));
            assertFalse(store.inTransaction(tx -> tx.markUpdateHandled(7)), "a redelivery the same day");
            clock.advance(Duration.ofHours(25));
            // Telegram starts ids at random after a week without updates: an old id may come back as new
            for (long id = 100; id < 110; id++) {
                long u = id;
                store.inTransaction(tx -> tx.markUpdateHandled(u));
            }
            assertTrue(store.inTransaction(tx -> tx.markUpdateHandled(7)), "expired from the window");
            assertEquals(11, store.handledUpdatesKept());
        }
        try (MapDbStore reopened = MapDbStore.open(dir, clock)) {
            assertEquals(11, reopened.handledUpdatesKept(), "the count survives a restart");
            assertTrue(reopened.inTransaction(tx -> tx.isUpdateHandled(105)));
        }
    }

    @Test
    void theCountStaysRightWhenATransactionRollsBack() {
        try (MapDbStore store = MapDbStore.open(dir)) {
            store.inTransaction(tx -> tx.markUpdateHandled(1));
            assertThrows(IllegalStateException.class, () -> store.inTransaction(tx -> {
                tx.markUpdateHandled(2);
                throw new IllegalStateException("the turn failed");
            }));
            assertEquals(1, store.handledUpdatesKept());
            assertFalse(store.inTransaction(tx -> tx.isUpdateHandled(2)));
        }
    }

    @Test
    void aDroppedScopeLeavesNothingAndAKeptOneEverything() {
        try (MapDbStore store = MapDbStore.open(dir)) {
            List<String> ran = new ArrayList<>();
            store.inTransaction(tx -> {
                tx.put(NOTES, "a", "kept by the transaction");
                Tx.Scope dropped = tx.scope();
                dropped.put(NOTES, "b", "dropped");
                dropped.delete(NOTES, "a");
                dropped.nextId("n");
                dropped.markUpdateHandled(9);
                dropped.afterCommit(() -> ran.add("dropped"));
                assertEquals(List.of("dropped"), dropped.withPrefix(NOTES, ""), "a scope sees its own writes");
                Tx.Scope kept = tx.scope();
                kept.put(NOTES, "c", "kept");
                assertEquals(1, kept.nextId("n"));
                kept.markUpdateHandled(10);
                kept.afterCommit(() -> ran.add("kept"));
                kept.keep();
                return null;
            });
            assertEquals(List.of("kept"), ran);
            assertEquals(List.of("kept by the transaction", "kept"), store.inTransaction(tx -> tx.withPrefix(NOTES, "")));
            assertEquals(2, store.inTransaction(tx -> tx.nextId("n")));
            assertFalse(store.inTransaction(tx -> tx.isUpdateHandled(9)));
            assertTrue(store.inTransaction(tx -> tx.isUpdateHandled(10)));
        }
    }
}
