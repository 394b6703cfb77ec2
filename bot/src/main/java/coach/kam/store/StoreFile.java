package coach.kam.store;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.NavigableMap;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.mapdb.BTreeMap;
import org.mapdb.DB;
import org.mapdb.Serializer;

/**
 * The open MapDB file of a {@link MapDbStore}: its files, its tables' maps, the sequences and the
 * handled update window, and the keys a live copy that runs must read again. Used under the
 * store's lock only; the store decides when it is opened, committed, rolled back and closed.
 */
final class StoreFile {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(StoreFile.class);

    private final Path file;
    /** Makes the store's files (MapDB's file channels; tests give one that fails on purpose). */
    private final org.mapdb.volume.VolumeFactory files;
    /** The files of the open connection, closed without a write when one fails. */
    private Volumes volumes;
    private DB db;
    private final Map<String, BTreeMap<String, String>> maps = new ConcurrentHashMap<>();
    /** The handled update ids (the inbox's "handled once"), reopened with the file. */
    final HandledWindow handled;
    BTreeMap<String, Long> sequences;
    private boolean catalogChanged;
    /** While a live copy runs: where the keys that transactions write are noted. */
    private LiveCopy.Changes noting;

    StoreFile(Path file, Clock clock, org.mapdb.volume.VolumeFactory files) {
        this.file = file;
        this.files = files;
        this.handled = new HandledWindow(clock);
    }

    Path path() {
        return file;
    }

    /** Opens the file (again), its write-ahead log replayed. */
    void connect() {
        volumes = new Volumes(files);
        db = volumes.open(file);
        maps.clear();
        handled.open(db);
        sequences = db.treeMap("sequences", Serializer.STRING, Serializer.LONG).createOrOpen();
        db.commit();
    }

    /** Whether the file is connected (not after a failed write or while a compaction swaps it). */
    boolean connected() {
        return db != null;
    }

    boolean closed() {
        return db.isClosed();
    }

    /** Closes the files as they are, without a write: after a failed write, or an open that failed. */
    void closeFiles() {
        volumes.closeHard();
    }

    /** As {@link #closeFiles}, and the file counts as not connected. */
    void drop() {
        db = null;
        volumes.closeHard();
        maps.clear();
    }

    /** Closes the file properly, for a compaction's swap; {@link #connect} opens it again. */
    void disconnect() {
        db.close();
        db = null;
        maps.clear();
    }

    /** Commits what was written, and a catalog that a new table changed; false when there was nothing. */
    boolean commit(boolean written) {
        if (!written && !catalogChanged) {
            return false;
        }
        catalogChanged = false;
        db.commit();
        return true;
    }

    /**
     * Rolls back and reconnects: MapDB keeps collections created in the rolled-back transaction in
     * its caches, with storage the rollback freed, so only a fresh connection is safe.
     */
    void rollback() {
        db.rollback();
        db.close();
        connect();
    }

    /** Closes the file when the store closes; a close that fails leaves the log to the next start. */
    void close() {
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
    }

    SortedSet<String> sortedNames() {
        SortedSet<String> names = new TreeSet<>();
        for (String n : db.getAllNames()) {
            names.add(n);
        }
        return names;
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

    NavigableMap<String, String> rawPrefix(String table, String prefix) {
        return map(table).subMap(prefix, true, prefix + Character.MAX_VALUE, false);
    }

    /** Where a live copy that runs notes the keys written from now on, or null to stop. */
    void noting(LiveCopy.Changes changes) {
        noting = changes;
    }

    /** Marks an update handled in the window, noted for a live copy that runs. */
    boolean markHandled(long updateId) {
        return handled.mark(updateId, noting);
    }

    /** A table's key was written; a live copy running now reads it again. */
    void noted(String table, String key) {
        if (noting != null) {
            noting.add("t-" + table, key);
        }
    }
}
