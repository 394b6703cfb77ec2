package coach.kam.store;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * The MapDB file store. MapDB has one transaction per file, so transactions here are serialised
 * by a lock; each is short (no network calls happen inside one).
 */
public final class MapDbStore implements Store {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(MapDbStore.class);
    static final String FILE_NAME = "kam-coach.db";
    private static final long RECOVERY_EVERY_NANOS = 1_000_000_000L;

    /** The open file: its tables, sequences and handled update window. */
    final StoreFile file;
    final Damage damage = new Damage();
    final RecordCodec codec = new RecordCodec(damage);
    /** Why writes stop now, or null; with the free-space watch that may cause one. */
    private volatile String outage;
    private Throwable outageCause;
    private SpaceWatch space;
    private long nextRecoveryNanos;
    /**
     * Fair: work done in a row of short transactions (a live copy's chunks, an import's chunks)
     * lets a rep's turn that waits go first instead of taking the lock again at once.
     */
    private final ReentrantLock lock = new ReentrantLock(true);
    private final StoreCopies copies;

    MapDbStore(Path path, Clock clock, org.mapdb.volume.VolumeFactory files) {
        this.file = new StoreFile(path, clock, files);
        this.copies = new StoreCopies(this, file, lock);
        try {
            file.connect();
        } catch (RuntimeException | Error e) {
            file.closeFiles();
            throw e;
        }
    }

    /** Opens (or creates) the store in {@code dataDir}; fails with a readable message when another process holds it. */
    public static MapDbStore open(Path dataDir) {
        return open(dataDir, Clock.systemUTC());
    }

    /** As {@link #open(Path)}, with the clock that dates handled updates (tests move it). */
    public static MapDbStore open(Path dataDir, Clock clock) {
        return open(dataDir, clock, null);
    }

    /**
     * As {@link #open(Path, Clock)}, with the store's files made by {@code files} (null: MapDB's
     * file channels). Tests pass a factory whose files fail at a chosen write.
     */
    public static MapDbStore open(Path dataDir, Clock clock, org.mapdb.volume.VolumeFactory files) {
        return StoreOpening.open(dataDir, clock, files);
    }

    /**
     * Watches free space in the data folder from now on: below its limit the store stops taking
     * writes (an outage), and takes them again once there is room.
     */
    public MapDbStore watching(SpaceWatch watch) {
        lock.lock();
        try {
            this.space = watch;
        } finally {
            lock.unlock();
        }
        return this;
    }

    @Override
    public Optional<String> outage() {
        return Optional.ofNullable(outage);
    }

    @Override
    public List<BadRecord> damaged() {
        return damage.all();
    }

    /** Under the lock: throws {@link StoreOutage} unless the store can take a transaction now. */
    private void usable() {
        if (outage == null && space != null) {
            space.shortage().ifPresent(why -> stop(why, null));
        }
        if (outage != null && System.nanoTime() >= nextRecoveryNanos) {
            recover();
        }
        if (outage != null) {
            throw new StoreOutage(outage, outageCause);
        }
    }

    /**
     * Stops taking writes. After a failed write the files are closed as they are, without a
     * rollback or a reconnect: the next open replays the write-ahead log, which holds every
     * committed transaction whole.
     */
    void stop(String why, Throwable cause) {
        if (cause != null && file.connected()) {
            file.drop();
        }
        if (outage == null) {
            LOG.error("the store takes no writes: {}; it tries again every second (kam-coach check, restore)", why,
                    cause);
            if (space != null) {
                space.release();
            }
        }
        outage = why;
        outageCause = cause;
        nextRecoveryNanos = System.nanoTime() + RECOVERY_EVERY_NANOS;
    }

    /** Under the lock: tries to take writes again now (reopening the file if a write failed). */
    private void recover() {
        nextRecoveryNanos = System.nanoTime() + RECOVERY_EVERY_NANOS;
        if (space != null && space.shortage().isPresent()) {
            return;
        }
        if (!file.connected()) {
            try {
                file.connect();
            } catch (RuntimeException | AssertionError e) {
                file.drop();
                String why = Faults.describe(e);
                outage = why.startsWith("storage full") ? why : "the store cannot be reopened: " + why;
                outageCause = e;
                return;
            }
        }
        LOG.info("the store takes writes again (was: {})", outage);
        outage = null;
        outageCause = null;
        if (space != null) {
            space.reserve();
        }
    }

    /** Tries to take writes again at once, instead of at the next second; returns whether it works. */
    public boolean recoverNow() {
        lock.lock();
        try {
            if (outage != null) {
                recover();
            }
            return outage == null;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public <T> T inTransaction(Function<Tx, T> work) {
        MapDbTx tx = new MapDbTx(this);
        T result;
        lock.lock();
        try {
            usable();
            try {
                result = work.apply(tx);
            } catch (Throwable e) {
                if (Faults.isStorage(e)) {
                    stop(Faults.describe(e), e);
                    throw new StoreOutage(outage, e);
                }
                try {
                    file.rollback();
                } catch (RuntimeException | AssertionError reconnect) {
                    e.addSuppressed(reconnect);
                    stop(Faults.describe(reconnect), reconnect);
                }
                throw e;
            }
            try {
                // a commit costs an fsync or two; a transaction that only read has nothing to make durable
                file.commit(tx.dirty);
            } catch (RuntimeException | Error e) {
                stop(Faults.describe(e), e);
                throw new StoreOutage(outage, e);
            }
        } finally {
            tx.closed = true;
            lock.unlock();
        }
        for (Runnable action : tx.afterCommit) {
            action.run();
        }
        return result;
    }

    /**
     * Writes a consistent copy of everything committed to {@code target}, a MapDB file that
     * {@link #open} reads when it is named {@value #FILE_NAME} in a data folder, while the store
     * serves (see {@link StoreCopies}). The file appears complete or not at all.
     */
    @Override
    public void copyTo(Path target) {
        copies.copyTo(target);
    }

    /**
     * Rewrites the open store into a fresh file holding only what is live, while it serves (see
     * {@link StoreCopies}). Returns the sizes before and after and the records kept.
     */
    @Override
    public Compaction.Done compact() {
        return copies.compact();
    }

    /**
     * How the last copy or compaction held the store's lock: "N holds, longest X ms" (for the
     * log and benchmarks), or empty before the first.
     */
    public Optional<String> lastCopyHolds() {
        return copies.lastCopyHolds();
    }

    /**
     * Whether another process (or another store in this one) holds the store in {@code dataDir}: its
     * file lock is taken. Only the lock is tried, the store is not opened, so a damaged store is not
     * "held".
     */
    public static boolean isHeld(Path dataDir) {
        return StoreOpening.isHeld(dataDir);
    }

    /**
     * Puts a copy made by {@link #copyTo} in place of the store in {@code dataDir} (see {@link Restore}).
     * Returns where the replaced store went, if there was one.
     */
    public static Optional<Path> restore(Path copyFile, Path dataDir, Clock clock) {
        return Restore.run(copyFile, dataDir, clock).kept();
    }

    /**
     * Walks every table and reads every record, checking its checksum and its JSON. For the command
     * line, on a stopped store or a copy: the walk holds the lock for as long as it runs.
     */
    public CheckReport check() {
        lock.lock();
        try {
            if (!file.connected()) {
                throw new StoreOutage(outage, outageCause);
            }
            return StoreCheck.walk(file.sortedNames(), file::map);
        } finally {
            lock.unlock();
        }
    }

    /** How many handled update ids the window holds now (for tests and diagnostics). */
    public long handledUpdatesKept() {
        lock.lock();
        try {
            return file.handled.count();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() {
        lock.lock();
        try {
            file.close();
        } finally {
            lock.unlock();
        }
    }

    /** Under the lock: throws when the store cannot be read now (an outage, a closed store). */
    void readable() {
        if (!file.connected()) {
            throw new StoreOutage(outage, outageCause);
        }
        if (file.closed()) {
            throw new StoreException("the store was closed while it was being copied", null);
        }
    }
}
