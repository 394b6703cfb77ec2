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
    private static final String VERSION_FIELD = "_v";

    private final Path file;
    private final Clock clock;
    /** Makes the store's files (MapDB's file channels; tests give one that fails on purpose). */
    private final org.mapdb.volume.VolumeFactory files;
    /** The files of the open connection, closed without a write when one fails. */
    private Volumes volumes;
    final Damage damage = new Damage();
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
    /** One live copy (a backup, a snapshot, a compaction) at a time. */
    private final ReentrantLock copying = new ReentrantLock();
    private volatile LiveCopy.Holds lastCopy;

    private MapDbStore(Path file, Clock clock, org.mapdb.volume.VolumeFactory files) {
        this.file = file;
        this.clock = clock;
        this.files = files;
        this.handled = new HandledWindow(clock);
        try {
            connect();
        } catch (RuntimeException | Error e) {
            volumes.closeHard();
            throw e;
        }
    }

    private void connect() {
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
        try {
            Files.createDirectories(dataDir);
        } catch (Exception e) {
            throw new StoreException("cannot create the data folder " + dataDir + ": " + e.getMessage(), e);
        }
        Path file = dataDir.resolve(FILE_NAME);
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
                if (n.equals(FILE_NAME) || n.startsWith(FILE_NAME + ".wal")) {
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
    private void stop(String why, Throwable cause) {
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
        MapDbTx tx = new MapDbTx();
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
     * {@link #open} reads when it is named {@value #FILE_NAME} in a data folder. The store goes on
     * serving while it is written: the copy is read in chunks of a few milliseconds under the lock
     * ({@link LiveCopy} says why it is consistent). The file appears complete or not at all.
     */
    @Override
    public void copyTo(Path target) {
        Path part = target.resolveSibling(target.getFileName() + ".part");
        copying.lock();
        try {
            Files.deleteIfExists(part);
            if (target.getParent() != null) {
                Files.createDirectories(target.getParent());
            }
            LiveCopy live = liveCopy();
            live.write(part, copy -> { });
            lastCopy = live.holds();
            Files.move(part, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (java.io.IOException | RuntimeException | AssertionError e) {
            deleteQuietly(part);
            if (e instanceof StoreOutage o) {
                throw o;
            }
            throw new StoreException("cannot write the copy " + target + ": " + Faults.describe(e)
                    + "; the partial file was removed", e);
        } finally {
            copying.unlock();
        }
    }

    /**
     * Rewrites the open store into a fresh file holding only what is live, while it serves: a live
     * copy whose last step, under the lock, closes the store, puts the copy in its place and opens
     * it again. The old file is kept (as a link) until the new one opened; if it does not, the old
     * one goes back. Returns the sizes before and after and the records kept.
     */
    @Override
    public Compaction.Done compact() {
        Path fresh = file.resolveSibling(FILE_NAME + ".compact");
        Path old = file.resolveSibling(FILE_NAME + ".old");
        copying.lock();
        try {
            Files.deleteIfExists(fresh);
            Files.deleteIfExists(old);
            long before = Files.size(file);
            long[] records = new long[1];
            LiveCopy live = liveCopy();
            live.write(fresh, copy -> {
                records[0] = live.records();
                copy.close();
                swapIn(fresh, old);
            });
            lastCopy = live.holds();
            Files.deleteIfExists(old);
            return new Compaction.Done(before, Files.size(file), records[0]);
        } catch (java.io.IOException | RuntimeException | AssertionError e) {
            deleteQuietly(fresh);
            if (e instanceof StoreOutage o) {
                throw o;
            }
            throw new StoreException("cannot compact the store " + file + ": " + Faults.describe(e)
                    + "; the store was not changed", e);
        } finally {
            copying.unlock();
        }
    }

    /** Under the lock, with no transaction open: the compacted copy replaces the store file. */
    private void swapIn(Path fresh, Path old) {
        db.close();
        db = null;
        maps.clear();
        try {
            try {
                Files.createLink(old, file);
            } catch (UnsupportedOperationException | java.io.IOException e) {
                LOG.debug("no link to keep the old store file while the compacted one opens: {}", e.toString());
            }
            Files.move(fresh, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (java.io.IOException e) {
            connect();
            throw new StoreException("cannot put the compacted file in place: " + e.getMessage(), e);
        }
        try {
            connect();
        } catch (RuntimeException | AssertionError e) {
            volumes.closeHard();
            try {
                if (Files.exists(old)) {
                    Files.move(old, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                            java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                }
                connect();
            } catch (java.io.IOException | RuntimeException | AssertionError again) {
                e.addSuppressed(again);
                stop("the store cannot be reopened after compaction: " + Faults.describe(e), e);
            }
            throw new StoreException("the compacted file did not open (" + Faults.describe(e)
                    + "); the old one is back in place", e);
        }
    }

    /**
     * How the last copy or compaction held the store's lock: "N holds, longest X ms" (for the
     * log and benchmarks), or empty before the first.
     */
    public Optional<String> lastCopyHolds() {
        LiveCopy.Holds h = lastCopy;
        return h == null ? Optional.empty()
                : Optional.of(String.format(java.util.Locale.ROOT, "%d holds, longest %.1f ms", h.count(), h.longestMillis()));
    }

    private LiveCopy liveCopy() {
        return new LiveCopy(lock, new LiveCopy.Source() {
            @Override
            public void readable() {
                if (db == null) {
                    throw new StoreOutage(outage, outageCause);
                }
                if (db.isClosed()) {
                    throw new StoreException("the store was closed while it was being copied", null);
                }
            }

            @Override
            public List<String> names() {
                return sortedNames().stream().filter(LiveCopy::copied).toList();
            }

            @Override
            @SuppressWarnings({"unchecked", "rawtypes"})
            public BTreeMap<Object, Object> live(String name) {
                return switch (name) {
                    case "sequences" -> (BTreeMap) sequences;
                    case HandledWindow.IDS, HandledWindow.ORDER -> (BTreeMap) handled.live(name);
                    default -> (BTreeMap) map(name.substring(2));
                };
            }

            @Override
            public void note(LiveCopy.Changes changes) {
                noting = changes;
            }
        });
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (java.io.IOException e) {
            // nothing more to do
        }
    }

    /**
     * Whether another process (or another store in this one) holds the store in {@code dataDir}: its
     * file lock is taken. Only the lock is tried, the store is not opened, so a damaged store is not
     * "held".
     */
    public static boolean isHeld(Path dataDir) {
        Path f = dataDir.resolve(FILE_NAME);
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

    /**
     * Puts a copy made by {@link #copyTo} in place of the store in {@code dataDir} (see {@link Restore}).
     * Returns where the replaced store went, if there was one.
     */
    public static Optional<Path> restore(Path copyFile, Path dataDir, Clock clock) {
        return Restore.run(copyFile, dataDir, clock).kept();
    }

    private java.util.SortedSet<String> sortedNames() {
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
        java.util.Map<String, Long> counts = new TreeMap<>();
        java.util.Map<String, Long> unsealed = new TreeMap<>();
        List<BadRecord> bad = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        lock.lock();
        try {
            if (db == null) {
                throw new StoreOutage(outage, outageCause);
            }
            for (String name : sortedNames()) {
                if (!name.startsWith("t-")) {
                    continue;
                }
                String table = name.substring(2);
                long ok = 0;
                long old = 0;
                String last = null;
                try {
                    for (Map.Entry<String, String> e : map(table).entrySet()) {
                        last = e.getKey();
                        try {
                            Json.MAPPER.readTree(Envelope.open(e.getKey(), e.getValue()));
                            ok++;
                            old += Envelope.sealed(e.getValue()) ? 0 : 1;
                        } catch (Envelope.Damaged d) {
                            bad.add(new BadRecord(table, e.getKey(), d.getMessage()));
                        } catch (JsonProcessingException d) {
                            bad.add(new BadRecord(table, e.getKey(), "unreadable JSON"));
                        }
                    }
                } catch (RuntimeException | AssertionError broken) {
                    problems.add("table " + table + " cannot be read past " + (last == null ? "its start" : "key " + last)
                            + ": " + Faults.describe(broken));
                }
                counts.put(table, ok);
                if (old > 0) {
                    unsealed.put(table, old);
                }
            }
        } finally {
            lock.unlock();
        }
        return new CheckReport(counts, unsealed, bad, problems);
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

    static String encode(Table<?> table, String key, Object value) {
        ObjectNode node = Json.MAPPER.valueToTree(value);
        node.put(VERSION_FIELD, table.schemaVersion());
        return Envelope.seal(key, node.toString());
    }

    /**
     * A stored value as JSON at the table's version, or null when it is damaged (reported once and
     * skipped): a checksum that does not match, or a record from before checksums that no longer
     * parses. A record that passes its checksum is what was written; failing to read it is a bug,
     * and throws.
     */
    private ObjectNode read(String table, String key, String stored, int version) {
        String json;
        try {
            json = Envelope.open(key, stored);
        } catch (Envelope.Damaged e) {
            damage.report(table, key, e.getMessage());
            return null;
        }
        try {
            return upgrade(table, json, version);
        } catch (JsonProcessingException | ClassCastException e) {
            if (!Envelope.sealed(stored)) {
                damage.report(table, key, "unreadable record written before checksums");
                return null;
            }
            throw new IllegalStateException("unreadable record in " + table + ": " + e.getMessage(), e);
        }
    }

    private <T> T decode(Table<T> table, String key, String stored) {
        ObjectNode node = read(table.name(), key, stored, table.schemaVersion());
        if (node == null) {
            return null;
        }
        try {
            return Json.MAPPER.treeToValue(node, table.type());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable record in " + table.name() + ": " + e.getMessage(), e);
        }
    }

    /**
     * A stored record as JSON at {@code version}: a record written at an older version (its
     * {@code _v}; none means 1) goes through the table's migrations first. A record written by a
     * newer version is read as it is (unknown fields are ignored).
     */
    static ObjectNode upgrade(String table, String json, int version) throws JsonProcessingException {
        ObjectNode node = (ObjectNode) Json.MAPPER.readTree(json);
        com.fasterxml.jackson.databind.JsonNode v = node.remove(VERSION_FIELD);
        int written = v == null || !v.canConvertToInt() ? 1 : v.asInt();
        return written < version ? Tables.migrate(table, node, written, version) : node;
    }

    <T> Optional<T> decodedOne(Table<T> table, String key, String stored) {
        return stored == null ? Optional.empty() : Optional.ofNullable(decode(table, key, stored));
    }

    /** The records of raw values in key order, as a transaction and a scope both read them; damaged ones skipped. */
    <T> List<T> decodedValues(Table<T> table, Map<String, String> raw) {
        List<T> out = new ArrayList<>(raw.size());
        raw.forEach((k, stored) -> {
            T v = decode(table, k, stored);
            if (v != null) {
                out.add(v);
            }
        });
        return out;
    }

    <T> java.util.NavigableMap<String, T> decodedEntries(Table<T> table, Map<String, String> raw) {
        java.util.NavigableMap<String, T> out = new TreeMap<>();
        raw.forEach((k, stored) -> {
            T v = decode(table, k, stored);
            if (v != null) {
                out.put(k, v);
            }
        });
        return out;
    }

    java.util.NavigableMap<String, ObjectNode> decodedRecords(String table, Map<String, String> raw) {
        java.util.NavigableMap<String, ObjectNode> out = new TreeMap<>();
        int version = Tables.versionOf(table);
        raw.forEach((k, stored) -> {
            ObjectNode v = read(table, k, stored, version);
            if (v != null) {
                out.put(k, v);
            }
        });
        return out;
    }

    static String encodeRecord(String table, String key, ObjectNode record) {
        ObjectNode node = record.deepCopy();
        node.put(VERSION_FIELD, Tables.versionOf(table));
        return Envelope.seal(key, node.toString());
    }

    /** Up to {@code limit} stored entries of a range after {@code after}, read lazily from the range. */
    static java.util.NavigableMap<String, String> page(java.util.NavigableMap<String, String> range, String after,
                                                       int limit) {
        java.util.NavigableMap<String, String> out = new TreeMap<>();
        for (Map.Entry<String, String> e : (after == null ? range : range.tailMap(after, false)).entrySet()) {
            if (out.size() >= limit) {
                break;
            }
            out.put(e.getKey(), e.getValue());
        }
        return out;
    }

    String rawGet(String table, String key) {
        return map(table).get(key);
    }

    java.util.NavigableMap<String, String> rawPrefix(String table, String prefix) {
        return map(table).subMap(prefix, true, prefix + Character.MAX_VALUE, false);
    }

    /** Under the lock: a table's key was written; a live copy running now reads it again. */
    void noted(String table, String key) {
        if (noting != null) {
            noting.add("t-" + table, key);
        }
    }

    final class MapDbTx implements Tx, HandledUpdates.Holder {
        final List<Runnable> afterCommit = new ArrayList<>();
        boolean closed;
        boolean dirty;
        private final HandledUpdates handledUpdates = HandledUpdates.of(new HandledUpdates.Window() {
            @Override
            public boolean contains(long updateId) {
                return handled.contains(updateId);
            }

            @Override
            public boolean mark(long updateId) {
                boolean marked = handled.mark(updateId, noting);
                dirty |= marked;
                return marked;
            }
        });

        @Override
        public <T> Optional<T> get(Table<T> table, String key) {
            return decodedOne(table, key, rawGet(table.name(), key));
        }

        @Override
        public <T> void put(Table<T> table, String key, T value) {
            dirty = true;
            map(table.name()).put(key, encode(table, key, value));
            noted(table.name(), key);
        }

        @Override
        public void delete(Table<?> table, String key) {
            if (map(table.name()).remove(key) != null) {
                dirty = true;
                noted(table.name(), key);
            }
        }

        @Override
        public <T> List<T> withPrefix(Table<T> table, String prefix) {
            return decodedValues(table, rawPrefix(table.name(), prefix));
        }

        @Override
        public String lowerKey(Table<?> table, String key) {
            return map(table.name()).lowerKey(key);
        }

        @Override
        public <T> java.util.NavigableMap<String, T> entries(Table<T> table, String prefix) {
            return decodedEntries(table, rawPrefix(table.name(), prefix));
        }

        @Override
        public java.util.NavigableMap<String, ObjectNode> records(String table, String prefix) {
            return decodedRecords(table, rawPrefix(table, prefix));
        }

        @Override
        public java.util.NavigableMap<String, ObjectNode> recordsAfter(String table, String prefix, String after,
                                                                       int limit) {
            return decodedRecords(table, page(rawPrefix(table, prefix), after, limit));
        }

        @Override
        public void putRecord(String table, String key, ObjectNode value) {
            dirty = true;
            map(table).put(key, encodeRecord(table, key, value));
            noted(table, key);
        }

        @Override
        public long sequence(String sequence) {
            Long v = sequences.get(sequence);
            return v == null ? 0 : v;
        }

        @Override
        public void raiseSequence(String sequence, long atLeast) {
            if (sequence(sequence) < atLeast) {
                dirty = true;
                sequences.put(sequence, atLeast);
            }
        }

        @Override
        public long nextId(String sequence) {
            dirty = true;
            return sequences.merge(sequence, 1L, Long::sum);
        }

        @Override
        public HandledUpdates handledUpdates() {
            return handledUpdates;
        }

        @Override
        public void afterCommit(Runnable action) {
            if (closed) {
                throw new IllegalStateException("the transaction is over");
            }
            afterCommit.add(action);
        }

        @Override
        public Scope scope() {
            return new ScopeTx(MapDbStore.this, this, null);
        }

        @Override
        public List<BadRecord> damaged() {
            return damage.all();
        }
    }
}
