package coach.kam.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;

/**
 * Rewrites a stopped store into a fresh file holding only what is live: deleted notes and accounts,
 * and the space old versions of records took, are not in it. The copy is checked before it replaces
 * the store, and the old file is deleted. MapDB 3 cannot compact a file in place.
 */
public final class Compaction {
    /** What a compaction did: the file's size before and after, and the records it holds. */
    public record Done(long bytesBefore, long bytesAfter, long records) {
    }

    private Compaction() {
    }

    public static Done run(Path dataDir, Clock clock) {
        if (MapDbStore.isHeld(dataDir)) {
            throw new StoreHeld("the store in " + dataDir + " is held by a running KAM Coach process; compaction"
                    + " rewrites the file, so stop the bot first", null);
        }
        Path file = dataDir.resolve(MapDbStore.FILE_NAME);
        if (!Files.exists(file)) {
            throw new StoreException("no store in " + dataDir + "; " + DataFolder.wayBack(dataDir), null);
        }
        Path fresh = dataDir.resolve(MapDbStore.FILE_NAME + ".compact");
        Path old = dataDir.resolve(MapDbStore.FILE_NAME + ".old");
        Path check = null;
        try {
            long before = Files.size(file);
            try (MapDbStore store = MapDbStore.open(dataDir, clock)) {
                store.copyTo(fresh);
            }
            check = Files.createTempDirectory(dataDir, "compact-");
            Files.copy(fresh, check.resolve(MapDbStore.FILE_NAME));
            CheckReport report = Restore.verify(fresh, check, clock);
            Files.move(file, old, StandardCopyOption.REPLACE_EXISTING);
            Files.move(fresh, file, StandardCopyOption.ATOMIC_MOVE);
            Files.delete(old);
            return new Done(before, Files.size(file), report.records());
        } catch (IOException | RuntimeException e) {
            try {
                Files.deleteIfExists(fresh);
                if (Files.exists(old) && !Files.exists(file)) {
                    Files.move(old, file);
                }
            } catch (IOException ignored) {
                // the old file stays as kam-coach.db.old; the message says so
            }
            if (e instanceof StoreException se) {
                throw se;
            }
            throw new StoreException("cannot compact the store in " + dataDir + ": " + Faults.describe(e)
                    + "; the store was not changed", e);
        } finally {
            if (check != null) {
                Restore.deleteTree(check);
            }
        }
    }
}
