package coach.kam.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
    static final String FILE_NAME = "kam-coach.db";
    private static final String VERSION_FIELD = "_v";
    private static final int HANDLED_UPDATES_KEPT = 50_000;

    private final Path file;
    private final ReentrantLock lock = new ReentrantLock();
    private final Map<String, BTreeMap<String, String>> maps = new ConcurrentHashMap<>();
    private DB db;
    private BTreeMap<Long, Long> handledUpdates;
    private BTreeMap<String, Long> sequences;

    private MapDbStore(Path file) {
        this.file = file;
        connect();
    }

    private void connect() {
        db = DBMaker.fileDB(file.toFile()).transactionEnable().make();
        maps.clear();
        handledUpdates = db.treeMap("handled-updates", Serializer.LONG, Serializer.LONG).createOrOpen();
        sequences = db.treeMap("sequences", Serializer.STRING, Serializer.LONG).createOrOpen();
        db.commit();
    }

    /** Opens (or creates) the store in {@code dataDir}; fails with a readable message when another process holds it. */
    public static MapDbStore open(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
        } catch (Exception e) {
            throw new StoreException("cannot create the data folder " + dataDir + ": " + e.getMessage(), e);
        }
        Path file = dataDir.resolve(FILE_NAME);
        try {
            return new MapDbStore(file);
        } catch (DBException.FileLocked e) {
            throw new StoreException("the data folder " + dataDir
                    + " is in use by another KAM Coach process; stop it or choose another KAM_DATA_DIR", e);
        } catch (DBException e) {
            throw new StoreException("cannot open the store " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public <T> T inTransaction(Function<Tx, T> work) {
        lock.lock();
        try {
            T result;
            try {
                result = work.apply(new MapDbTx());
            } catch (Throwable e) {
                try {
                    rollback();
                } catch (RuntimeException reconnect) {
                    e.addSuppressed(reconnect);
                }
                throw e;
            }
            db.commit();
            return result;
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
            if (!db.isClosed()) {
                db.close();
            }
        } finally {
            lock.unlock();
        }
    }

    private BTreeMap<String, String> map(String name) {
        return maps.computeIfAbsent(name,
                n -> db.treeMap("t-" + n, Serializer.STRING, Serializer.STRING).createOrOpen());
    }

    private static String encode(Table<?> table, Object value) {
        ObjectNode node = Json.MAPPER.valueToTree(value);
        node.put(VERSION_FIELD, table.schemaVersion());
        return node.toString();
    }

    private static <T> T decode(Table<T> table, String json) {
        try {
            ObjectNode node = (ObjectNode) Json.MAPPER.readTree(json);
            node.remove(VERSION_FIELD);
            return Json.MAPPER.treeToValue(node, table.type());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable record in " + table.name() + ": " + e.getMessage(), e);
        }
    }

    private final class MapDbTx implements Tx {
        @Override
        public <T> Optional<T> get(Table<T> table, String key) {
            String json = map(table.name()).get(key);
            return json == null ? Optional.empty() : Optional.of(decode(table, json));
        }

        @Override
        public <T> void put(Table<T> table, String key, T value) {
            map(table.name()).put(key, encode(table, value));
        }

        @Override
        public void delete(Table<?> table, String key) {
            map(table.name()).remove(key);
        }

        @Override
        public <T> List<T> withPrefix(Table<T> table, String prefix) {
            List<T> out = new ArrayList<>();
            for (String json : map(table.name()).subMap(prefix, true, prefix + Character.MAX_VALUE, false).values()) {
                out.add(decode(table, json));
            }
            return out;
        }

        @Override
        public long nextId(String sequence) {
            Long next = sequences.merge(sequence, 1L, Long::sum);
            return next;
        }

        @Override
        public boolean markUpdateHandled(long updateId) {
            if (handledUpdates.putIfAbsent(updateId, System.currentTimeMillis()) != null) {
                return false;
            }
            // Telegram never redelivers an old update once a newer offset is confirmed, so a
            // bounded window of recent ids is enough.
            while (handledUpdates.size() > HANDLED_UPDATES_KEPT) {
                handledUpdates.remove(handledUpdates.firstKey());
            }
            return true;
        }
    }
}
