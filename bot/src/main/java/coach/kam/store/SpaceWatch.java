package coach.kam.store;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Free space in the data folder, with a reserve: a preallocated file, {@value #BALLAST}, that the
 * store deletes when it stops for lack of space (so that the write-ahead log can be replayed and a
 * backup made while the operator frees room) and writes again once there is room. Below
 * {@code minFree} bytes the store takes no writes. Reading the free space is a system call; it is
 * done at most every {@code 250 ms} and the answer reused in between.
 */
public final class SpaceWatch {
    private static final Logger LOG = LoggerFactory.getLogger(SpaceWatch.class);
    public static final String BALLAST = "space-reserve.bin";
    private static final long CHECK_EVERY_NANOS = 250_000_000L;

    private final Path dataDir;
    private final long minFree;
    private final long reserve;
    private final LongSupplier free;
    private long checkedAt;
    private long lastFree = Long.MAX_VALUE;
    private boolean fresh;

    /**
     * {@code minFree}: bytes that must stay free for writes; {@code reserve}: the size of the reserve
     * file (0: none); {@code free}: the free bytes (null: the data folder's file system).
     */
    public SpaceWatch(Path dataDir, long minFree, long reserve, LongSupplier free) {
        this.dataDir = dataDir;
        this.minFree = minFree;
        this.reserve = reserve;
        this.free = free != null ? free : () -> usable(dataDir);
    }

    /** The default watch: 64 MiB kept free, a 32 MiB reserve. */
    public static SpaceWatch of(Path dataDir, long minFreeMb, long reserveMb) {
        return new SpaceWatch(dataDir, minFreeMb << 20, reserveMb << 20, null);
    }

    private static long usable(Path dir) {
        try {
            return Files.getFileStore(dir).getUsableSpace();
        } catch (IOException e) {
            return Long.MAX_VALUE;
        }
    }

    /** Why writes should stop now, or empty. */
    synchronized Optional<String> shortage() {
        long now = System.nanoTime();
        if (!fresh || now - checkedAt > CHECK_EVERY_NANOS) {
            lastFree = free.getAsLong();
            checkedAt = now;
            fresh = true;
        }
        if (lastFree >= minFree) {
            return Optional.empty();
        }
        return Optional.of("storage full: " + (lastFree >> 20) + " MiB free in " + dataDir + ", "
                + (minFree >> 20) + " MiB needed");
    }

    /** Reads the free space at the next check instead of reusing the last answer. */
    public synchronized void refresh() {
        fresh = false;
    }

    /** Deletes the reserve file, giving its space back. */
    synchronized void release() {
        Path ballast = dataDir.resolve(BALLAST);
        try {
            if (Files.deleteIfExists(ballast)) {
                LOG.warn("released the {} MiB space reserve {}", reserve >> 20, ballast);
            }
        } catch (IOException e) {
            LOG.warn("cannot release the space reserve {}: {}", ballast, e.toString());
        }
        fresh = false;
    }

    /**
     * Writes the reserve file when it is missing and there is room for it and the free space the
     * store needs; returns whether it is there.
     */
    public synchronized boolean reserve() {
        Path ballast = dataDir.resolve(BALLAST);
        if (reserve <= 0) {
            return false;
        }
        try {
            if (Files.exists(ballast) && Files.size(ballast) == reserve) {
                return true;
            }
            if (free.getAsLong() < minFree + reserve) {
                return false;
            }
            // written, not only sized: a sparse file would give nothing back when deleted
            try (RandomAccessFile f = new RandomAccessFile(ballast.toFile(), "rw")) {
                byte[] zeros = new byte[1 << 16];
                for (long at = 0; at < reserve; at += zeros.length) {
                    f.write(zeros, 0, (int) Math.min(zeros.length, reserve - at));
                }
                f.getFD().sync();
            }
            fresh = false;
            return true;
        } catch (IOException e) {
            try {
                Files.deleteIfExists(ballast);
            } catch (IOException ignored) {
                // nothing more to do
            }
            LOG.warn("cannot write the space reserve {}: {}", ballast, e.toString());
            return false;
        }
    }
}
