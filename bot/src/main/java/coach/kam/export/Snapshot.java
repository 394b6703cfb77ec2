package coach.kam.export;

import coach.kam.store.MapDbStore;
import coach.kam.store.Store;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.function.Function;

/**
 * A read of a consistent copy of the store, taken while it serves, in a temporary folder that is
 * deleted afterwards. A store that cannot be copied (one kept in memory for tests) is read itself.
 */
public final class Snapshot {
    private Snapshot() {
    }

    public static <T> T read(Store store, Clock clock, Path base, Function<Store, T> work) {
        Path dir;
        try {
            Files.createDirectories(base);
            dir = Files.createTempDirectory(base, "kam-export-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            try {
                store.copyTo(dir.resolve("kam-coach.db"));
            } catch (UnsupportedOperationException e) {
                return work.apply(store);
            }
            try (MapDbStore copy = MapDbStore.open(dir, clock)) {
                return work.apply(copy);
            }
        } finally {
            coach.kam.store.Restore.deleteTree(dir);
        }
    }
}
