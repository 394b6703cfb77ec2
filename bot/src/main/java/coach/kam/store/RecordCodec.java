package coach.kam.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * How records are stored: JSON with the table's schema version ({@code _v}) in a checksum envelope
 * ({@link Envelope}), brought up to the current version when read. A record that fails its checksum
 * (or, written before checksums, no longer parses) is reported to {@link Damage} once and skipped.
 */
final class RecordCodec {
    private static final String VERSION_FIELD = "_v";

    private final Damage damage;

    RecordCodec(Damage damage) {
        this.damage = damage;
    }

    static String encode(Table<?> table, String key, Object value) {
        table.checkKey(key);
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
    private ObjectNode read(Table<?> table, String key, String stored) {
        String json;
        try {
            json = Envelope.open(key, stored);
        } catch (Envelope.Damaged e) {
            damage.report(table.name(), key, e.getMessage());
            return null;
        }
        try {
            return upgrade(table, json);
        } catch (JsonProcessingException | ClassCastException e) {
            if (!Envelope.sealed(stored)) {
                damage.report(table.name(), key, "unreadable record written before checksums");
                return null;
            }
            throw new IllegalStateException("unreadable record in " + table.name() + ": " + e.getMessage(), e);
        }
    }

    private <T> T decode(Table<T> table, String key, String stored) {
        ObjectNode node = read(table, key, stored);
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
    static ObjectNode upgrade(Table<?> table, String json) throws JsonProcessingException {
        ObjectNode node = (ObjectNode) Json.MAPPER.readTree(json);
        com.fasterxml.jackson.databind.JsonNode v = node.remove(VERSION_FIELD);
        int written = v == null || !v.canConvertToInt() ? 1 : v.asInt();
        return written < table.schemaVersion() ? table.migrate(node, written) : node;
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

    <T> NavigableMap<String, T> decodedEntries(Table<T> table, Map<String, String> raw) {
        NavigableMap<String, T> out = new TreeMap<>();
        raw.forEach((k, stored) -> {
            T v = decode(table, k, stored);
            if (v != null) {
                out.put(k, v);
            }
        });
        return out;
    }

    NavigableMap<String, ObjectNode> decodedRecords(Table<?> table, Map<String, String> raw) {
        NavigableMap<String, ObjectNode> out = new TreeMap<>();
        raw.forEach((k, stored) -> {
            ObjectNode v = read(table, k, stored);
            if (v != null) {
                out.put(k, v);
            }
        });
        return out;
    }

    static String encodeRecord(Table<?> table, String key, ObjectNode record) {
        table.checkKey(key);
        ObjectNode node = record.deepCopy();
        node.put(VERSION_FIELD, table.schemaVersion());
        return Envelope.seal(key, node.toString());
    }

    /** Up to {@code limit} stored entries of a range after {@code after}, read lazily from the range. */
    static <V> NavigableMap<String, V> page(NavigableMap<String, V> range, String after, int limit) {
        NavigableMap<String, V> out = new TreeMap<>();
        for (Map.Entry<String, V> e : (after == null ? range : range.tailMap(after, false)).entrySet()) {
            if (out.size() >= limit) {
                break;
            }
            out.put(e.getKey(), e.getValue());
        }
        return out;
    }
}
