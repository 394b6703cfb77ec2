package coach.kam.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Free space below the limit stops writes before any is tried, the reserve file is released then
 * and written again once there is room, and the store takes writes again by itself.
 */
class SpaceWatchTest {
    private static final long MB = 1L << 20;
    public record Item(String text) {
    }

    private static final Table<Item> ITEMS = Table.operational("space-items", Item.class);

    @TempDir
    Path dir;

    @Test
    void lowSpaceIsAnOutageThatEndsWhenSpaceReturns() {
        AtomicLong free = new AtomicLong(500 * MB);
        SpaceWatch watch = new SpaceWatch(dir, 32 * MB, 2 * MB, free::get);
        try (MapDbStore store = MapDbStore.open(dir).watching(watch)) {
            assertTrue(watch.reserve(), "the reserve is written while there is room");
            assertEquals(2 * MB, size(dir.resolve(SpaceWatch.BALLAST)));
            put(store, "a", "before");

            free.set(10 * MB);
            watch.refresh();
            StoreOutage refused = assertThrows(StoreOutage.class, () -> put(store, "b", "during"));
            assertTrue(refused.getMessage().contains("storage full: 10 MiB free") && refused.getMessage().contains(
                    "32 MiB needed"), refused.getMessage());
            assertTrue(store.outage().isPresent());
            assertFalse(Files.exists(dir.resolve(SpaceWatch.BALLAST)), "the reserve is released for the operator");
            assertFalse(store.recoverNow(), "still full");

            free.set(500 * MB);
            watch.refresh();
            assertTrue(store.recoverNow());
            assertTrue(Files.exists(dir.resolve(SpaceWatch.BALLAST)), "the reserve is back");
            put(store, "b", "after");
            assertEquals("before", store.inTransaction(tx -> tx.get(ITEMS, "a")).orElseThrow().text());
            assertEquals("after", store.inTransaction(tx -> tx.get(ITEMS, "b")).orElseThrow().text());
        }
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (java.io.IOException e) {
            return -1;
        }
    }

    private static void put(MapDbStore store, String key, String text) {
        store.inTransaction(tx -> {
            tx.put(ITEMS, key, new Item(text));
            return null;
        });
    }
}
