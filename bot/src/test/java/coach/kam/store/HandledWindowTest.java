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
    record Text(String text) {
    }

    private static final Table<Text> NOTES = Table.operational("window-notes", Text.class);

    @TempDir
    Path dir;

    private static boolean mark(MapDbStore store, long id) {
        return store.<Boolean>inTransaction(tx -> HandledUpdates.in(tx).mark(id));
    }

    private static boolean isHandled(MapDbStore store, long id) {
        return store.<Boolean>inTransaction(tx -> HandledUpdates.in(tx).isHandled(id));
    }

    @Test
    void anIdIsADuplicateWithinTheWindowAndNewAgainAfterIt() {
        MutableClock clock = MutableClock.at("2026-11-27T02:00:00Z");
        try (MapDbStore store = MapDbStore.open(dir, clock)) {
            assertTrue(mark(store, 7));
            assertFalse(mark(store, 7), "a redelivery the same day");
            clock.advance(Duration.ofHours(25));
            // Telegram starts ids at random after a week without updates: an old id may come back as new
            for (long id = 100; id < 110; id++) {
                long u = id;
                mark(store, u);
            }
            assertTrue(mark(store, 7), "expired from the window");
            assertEquals(11, store.handledUpdatesKept());
        }
        try (MapDbStore reopened = MapDbStore.open(dir, clock)) {
            assertEquals(11, reopened.handledUpdatesKept(), "the count survives a restart");
            assertTrue(isHandled(reopened, 105));
        }
    }

    @Test
    void theCountStaysRightWhenATransactionRollsBack() {
        try (MapDbStore store = MapDbStore.open(dir)) {
            mark(store, 1);
            assertThrows(IllegalStateException.class, () -> store.inTransaction(tx -> {
                HandledUpdates.in(tx).mark(2);
                throw new IllegalStateException("the turn failed");
            }));
            assertEquals(1, store.handledUpdatesKept());
            assertFalse(isHandled(store, 2));
        }
    }

    @Test
    void aDroppedScopeLeavesNothingAndAKeptOneEverything() {
        try (MapDbStore store = MapDbStore.open(dir)) {
            List<String> ran = new ArrayList<>();
            store.inTransaction(tx -> {
                tx.put(NOTES, "a", new Text("kept by the transaction"));
                Tx.Scope dropped = tx.scope();
                dropped.put(NOTES, "b", new Text("dropped"));
                dropped.delete(NOTES, "a");
                dropped.nextId("n");
                HandledUpdates.in(dropped).mark(9);
                dropped.afterCommit(() -> ran.add("dropped"));
                assertEquals(List.of(new Text("dropped")), dropped.withPrefix(NOTES, ""), "a scope sees its own writes");
                Tx.Scope kept = tx.scope();
                kept.put(NOTES, "c", new Text("kept"));
                assertEquals(1L, kept.nextId("n"));
                HandledUpdates.in(kept).mark(10);
                kept.afterCommit(() -> ran.add("kept"));
                kept.keep();
                return null;
            });
            assertEquals(List.of("kept"), ran);
            assertEquals(List.of(new Text("kept by the transaction"), new Text("kept")),
                    store.inTransaction(tx -> tx.withPrefix(NOTES, "")));
            assertEquals(2L, (long) store.<Long>inTransaction(tx -> tx.nextId("n")));
            assertFalse(isHandled(store, 9));
            assertTrue(isHandled(store, 10));
        }
    }
}
