package coach.kam.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records found damaged while reading (checksum mismatch, unreadable JSON): each is logged once,
 * with its table and key, and skipped by every read, so one bad record never blocks a rep's list
 * or export. {@code kam-coach check} lists them; an export names those it skipped.
 */
final class Damage {
    private static final Logger LOG = LoggerFactory.getLogger(Damage.class);
    /** At most this many are remembered (each is logged all the same). */
    private static final int KEPT = 10_000;

    private final Map<String, Store.BadRecord> seen = new ConcurrentSkipListMap<>();

    void report(String table, String key, String reason) {
        String id = table + "\u0000" + key;
        if (seen.containsKey(id) || seen.size() >= KEPT) {
            return;
        }
        if (seen.putIfAbsent(id, new Store.BadRecord(table, key, reason)) == null) {
            LOG.error("damaged record skipped: table {}, key {} ({}); see kam-coach check and restore", table, key,
                    reason);
        }
    }

    List<Store.BadRecord> all() {
        return new ArrayList<>(seen.values());
    }
}
