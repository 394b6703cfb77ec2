package coach.kam.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.mapdb.DBException;

/**
 * Opening a {@link MapDbStore}'s file in a data folder: a readable message when another process
 * holds it, and nothing left behind by a store that could not even be created.
 */
final class StoreOpening {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(StoreOpening.class);

    private StoreOpening() {
    }

    static MapDbStore open(Path dataDir, Clock clock, org.mapdb.volume.VolumeFactory files) {
        try {
            Files.createDirectories(dataDir);
        } catch (Exception e) {
            throw new StoreException("cannot create the data folder " + dataDir + ": " + e.getMessage(), e);
        }
        Path file = dataDir.resolve(MapDbStore.FILE_NAME);
        boolean existed = Files.exists(file);
        try {
            return connected(dataDir, file, clock, files);
        } catch (RuntimeException | AssertionError e) {
            if (!existed && !(e instanceof StoreHeld)) {
                // a store that could not even be created (a full disk) holds nothing: no half-made file is left
                deleteStoreFiles(dataDir);
            }
            throw e;
        }
    }

    private static void deleteStoreFiles(Path dataDir) {
        try (var left = Files.list(dataDir)) {
            for (Path p : left.toList()) {
                String n = p.getFileName().toString();
                if (n.equals(MapDbStore.FILE_NAME) || n.startsWith(MapDbStore.FILE_NAME + ".wal")) {
                    Files.deleteIfExists(p);
                }
            }
        } catch (java.io.IOException e) {
            LOG.warn("cannot remove the half-made store in {}: {}", dataDir, e.toString());
        }
    }

    private static MapDbStore connected(Path dataDir, Path file, Clock clock, org.mapdb.volume.VolumeFactory files) {
        try {
            return new MapDbStore(file, clock, files);
        } catch (DBException.FileLocked e) {
            throw new StoreHeld("the data folder " + dataDir
                    + " is in use by another KAM Coach process; stop it or choose another KAM_DATA_DIR", e);
        } catch (RuntimeException | AssertionError e) {
            if (e.getCause() instanceof java.nio.channels.OverlappingFileLockException) {
                throw new StoreHeld("the data folder " + dataDir + " is in use by this process already", e);
            }
            throw new StoreException("cannot open the store " + file + ": " + Faults.describe(e), e);
        }
    }

    /** Whether the file lock of the store in {@code dataDir} is taken; the store is not opened. */
    static boolean isHeld(Path dataDir) {
        Path f = dataDir.resolve(MapDbStore.FILE_NAME);
        if (!Files.exists(f)) {
            return false;
        }
        try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(f,
                java.nio.file.StandardOpenOption.READ, java.nio.file.StandardOpenOption.WRITE)) {
            java.nio.channels.FileLock l = ch.tryLock();
            if (l == null) {
                return true;
            }
            l.release();
            return false;
        } catch (java.nio.channels.OverlappingFileLockException e) {
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
