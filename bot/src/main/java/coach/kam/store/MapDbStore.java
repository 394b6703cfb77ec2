package coach.kam.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.mapdb.BTreeMap;
import org.mapdb.DB;
import org.mapdb.DBException;
import org.mapdb.DBMaker;
import org.mapdb.Serializer;

/**
 * The MapDB file store. MapDB has one transaction per file, so transactions here are serialised
 * by a lock; each is short (no network calls happen inside one).
 */
public final class MapDbStore implements Store {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(MapDbStore.class);
    static final String FILE_NAME = "kam-coach.db";

    private final Path file;
    private final Clock clock;
    /** Makes the store's files (MapDB's file channels; tests give one that fails on purpose). */
    private final org.mapdb.volume.VolumeFactory files;
    /** The files of the open connection, closed without a write when one fails. */
    private Volumes volumes;
    final Damage damage = new Damage();
    final RecordCodec codec = new RecordCodec(damage);
    /** Why writes stop now, or null; with the free-space watch that may cause one. */
    private volatile String outage;
    private Throwable outageCause;
    private SpaceWatch space;
    private long nextRecoveryNanos;
    private static final long RECOVERY_EVERY_NANOS = 1_000_000_000L;
    /**
     * Fair: work done in a row of short transactions (a live copy's chunks, an import's chunks)
     * lets a rep's turn that waits go first instead of taking the lock again at once.
     */
    private final ReentrantLock lock = new ReentrantLock(true);
    private final Map<String, BTreeMap<String, String>> maps = new ConcurrentHashMap<>();
    private DB db;
    /** The handled update ids (the inbox's "handled once"), reopened with the file. */
    private final HandledWindow handled;
    BTreeMap<String, Long> sequences;
    private boolean catalogChanged;
    /** While a live copy runs: where the keys that transactions write are noted. */
    private LiveCopy.Changes noting;
    private final StoreCopies copies;

    MapDbStore(Path file, Clock clock, org.mapdb.volume.VolumeFactory files) {
        this.file = file;
        this.clock = clock;
        this.files = files;
        this.handled = new HandledWindow(clock);
        this.copies = new StoreCopies(this, file, lock);
        try {
            connect();
        } catch (RuntimeException | Error e) {
            volumes.closeHard();
            throw e;
        }
    }

    void connect() {
        volumes = new Volumes(files);
        db = volumes.open(file);
        maps.clear();
        handled.open(db);
        sequences = db.treeMap("sequences", Serializer.STRING, Serializer.LONG).createOrOpen();
        db.commit();
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
        if (cause != null && db != null) {
            db = null;
            volumes.closeHard();
            maps.clear();
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
        if (db == null) {
            try {
                connect();
            } catch (RuntimeException | AssertionError e) {
                volumes.closeHard();
                db = null;
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
                    rollback();
                } catch (RuntimeException | AssertionError reconnect) {
                    e.addSuppressed(reconnect);
                    stop(Faults.describe(reconnect), reconnect);
                }
                throw e;
            }
            if (tx.dirty || catalogChanged) {
                catalogChanged = false;
                try {
                    // a commit costs an fsync or two; a transaction that only read has nothing to make durable
                    db.commit();
                } catch (RuntimeException | Error e) {
                    stop(Faults.describe(e), e);
                    throw new StoreOutage(outage, e);
                }
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

    java.util.SortedSet<String> sortedNames() {
        java.util.SortedSet<String> names = new java.util.TreeSet<>();
        for (String n : db.getAllNames()) {
            names.add(n);
        }
        return names;
    }

    /**
     * Walks every table and reads every record, checking its checksum and its JSON. For the command
     * line, on a stopped store or a copy: the walk holds the lock for as long as it runs.
     */
    public CheckReport check() {
        lock.lock();
        try {
            if (db == null) {
                throw new StoreOutage(outage, outageCause);
            }
            return StoreCheck.walk(sortedNames(), this::map);
        } finally {
            lock.unlock();
        }
    }

    /** How many handled update ids the window holds now (for tests and diagnostics). */
    public long handledUpdatesKept() {
        lock.lock();
        try {
            return handled.count();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Rolls back and reconnects: MapDB keeps collections created in the rolled-back transaction in
     * its caches, with storage the rollback freed, so only a fresh connection is safe.
     */
    private void rollback() {
        db.rollback();
        db.close();
        connect();
    }

    @Override
    public void close() {
        lock.lock();
        try {
            if (db == null) {
                volumes.closeHard();
            } else if (!db.isClosed()) {
                try {
                    db.close();
                } catch (RuntimeException | AssertionError e) {
                    LOG.error("closing the store failed; the next start replays its write-ahead log", e);
                    volumes.closeHard();
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * A table's map. Tables made from now on keep their JSON values outside the tree nodes: a change
     * then rewrites one value and a node of references instead of a node full of JSON. Tables made
     * by an earlier version keep the layout their file records.
     */
    BTreeMap<String, String> map(String name) {
        return maps.computeIfAbsent(name, n -> {
            // a new table changes the file's catalog, which must be committed even by a transaction that only read
            catalogChanged = true;
            return db.treeMap("t-" + n, Serializer.STRING, Serializer.STRING).valuesOutsideNodesEnable().createOrOpen();
        });
    }

    String rawGet(String table, String key) {
        return map(table).get(key);
    }

    java.util.NavigableMap<String, String> rawPrefix(String table, String prefix) {
        return map(table).subMap(prefix, true, prefix + Character.MAX_VALUE, false);
    }

    /** Under the lock, for a compaction's swap: closes the file, which {@link #connect} opens again. */
    void disconnect() {
        db.close();
        db = null;
        maps.clear();
    }

    /** Closes the files of the connection without a write (one failed). */
    void closeFiles() {
        volumes.closeHard();
    }

    /** Under the lock: throws when the store cannot be read now (an outage, a closed store). */
    void readable() {
        if (db == null) {
            throw new StoreOutage(outage, outageCause);
        }
        if (db.isClosed()) {
            throw new StoreException("the store was closed while it was being copied", null);
        }
    }

    /** Under the lock: where a live copy that runs notes the keys written, or null. */
    void noting(LiveCopy.Changes changes) {
        noting = changes;
    }

    HandledWindow handled() {
        return handled;
    }

    /** Under the lock: marks an update handled in the file's window, noted for a live copy that runs. */
    boolean markHandled(long updateId) {
        return handled.mark(updateId, noting);
    }

    /** Under the lock: a table's key was written; a live copy running now reads it again. */
    void noted(String table, String key) {
        if (noting != null) {
            noting.add("t-" + table, key);
        }
    }
}
