package coach.kam.export;

import coach.kam.store.Json;
import coach.kam.store.Keys;
import coach.kam.store.Table;
import coach.kam.store.Tables;
import coach.kam.store.Tx;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Everything reps own, as one JSON document, and back. It walks the table registry: every
 * exportable table is carried, by table, with its schema version, so a new table is exported
 * without new code here.
 *
 * <pre>
 * {"format": "kam-coach-export", "formatVersion": 2, "exportedAt": "2026-01-05T09:00:00Z",
 *  "account": null | 7,
 *  "sequences": {"account": 12, "note": 40, ...},
 *  "tables": {"accounts": {"version": 1, "records": {"123/000000000007": {...}, ...}}, ...},
 *  "users": [123]}
 * </pre>
 */
public final class DataJson {
    public static final String FORMAT = "kam-coach-export";
    /**
     * 2: deals carry their next step's date and the objection a loss read as, plans their items'
     * numbers, the after-course plan is a new table, and the deal sequences travel. Version 1
     * exports still import: their deal ids move the deal sequence on (see {@link #ID_SEQUENCES}).
     */
    public static final int FORMAT_VERSION = 2;
    /** Sequences that number records a rep owns; an import moves them past the imported ids. */
    static final List<String> SEQUENCES = List.of("account", "note", "reminder", "dialog", "deal", "deal-change");
    /**
     * Tables whose records' "id" comes from a sequence: an import moves it past them, whatever the
     * export carried (a deal change's number is the last part of its key instead).
     */
    static final Map<String, String> ID_SEQUENCES = Map.of("deals", "deal");

    private DataJson() {
    }

    /** What to export: some reps (or all when {@code users} is empty), optionally one account of one rep. */
    public record Scope(Set<Long> users, Long accountId) {
        public static Scope user(long userId) {
            return new Scope(Set.of(userId), null);
        }

        public static Scope account(long userId, long accountId) {
            return new Scope(Set.of(userId), accountId);
        }

        public static Scope all() {
            return new Scope(Set.of(), null);
        }

        boolean everyone() {
            return users.isEmpty();
        }
    }

    /** The whole document as a tree: for small scopes and tests; an export streams it ({@link DataJsonWriter}). */
    public static ObjectNode export(Tx tx, Tables tables, Scope scope, Instant now) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        DataJsonWriter.write(tx, tables, scope, now, out);
        try {
            return (ObjectNode) Json.MAPPER.readTree(out.toByteArray());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A record is about an account when its key's second part is the account id, or its accountId field is. */
    static boolean aboutAccount(String key, JsonNode record, long accountId) {
        if (Keys.number(key, 0).filter(id -> id == accountId).isPresent()) {
            return true;
        }
        JsonNode id = record.get("accountId");
        return id != null && id.canConvertToLong() && id.asLong() == accountId;
    }

    /** What an import did (or, in a dry run, would do). */
    public record Result(int records, List<String> tables, List<String> refused) {
    }

    /**
     * Writes the records of an export into the store, each table's records brought to its current
     * version; with {@code onlyUser} set, a record whose key belongs to anyone else is refused (a
     * rep can restore only their own data). Sequences move past the imported ids.
     */
    public static Result importInto(Tx tx, Tables catalogue, JsonNode root, Optional<Long> onlyUser) {
        if (!FORMAT.equals(root.path("format").asText())) {
            throw new IllegalArgumentException("not a KAM Coach export (format is not " + FORMAT + ")");
        }
        int formatVersion = root.path("formatVersion").asInt(0);
        if (formatVersion < 1 || formatVersion > FORMAT_VERSION) {
            throw new IllegalArgumentException("export format version " + formatVersion + " is not supported (1 to "
                    + FORMAT_VERSION + ")");
        }
        int count = 0;
        Map<String, Long> highestIds = new java.util.HashMap<>();
        List<String> tables = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        Set<Long> touched = new TreeSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.path("tables").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> t = it.next();
            Optional<Table<?>> spec = catalogue.named(t.getKey()).filter(Table::exportable);
            if (spec.isEmpty()) {
                refused.add("table " + t.getKey());
                continue;
            }
            int version = t.getValue().path("version").asInt(1);
            int current = spec.get().schemaVersion();
            boolean any = false;
            for (Iterator<Map.Entry<String, JsonNode>> rs = t.getValue().path("records").fields(); rs.hasNext(); ) {
                Map.Entry<String, JsonNode> r = rs.next();
                // keys written before the one key scheme are read in it
                String key = Keys.upgrade(r.getKey());
                boolean allowed = onlyUser.map(u -> spec.get().ownedBy(key, u)).orElse(spec.get().owner(key).isPresent());
                if (!allowed || !r.getValue().isObject()) {
                    refused.add(t.getKey() + " " + key);
                    continue;
                }
                ObjectNode record = (ObjectNode) r.getValue().deepCopy();
                record.remove("_v");
                if (version < current) {
                    record = spec.get().migrate(record, version);
                }
                try {
                    Json.MAPPER.treeToValue(record, spec.get().type());
                } catch (Exception e) {
                    refused.add(t.getKey() + " " + key + " (" + e.getMessage().lines().findFirst().orElse("") + ")");
                    continue;
                }
                tx.putRecord(spec.get(), key, record);
                String sequence = ID_SEQUENCES.get(spec.get().name());
                if (sequence != null && record.path("id").canConvertToLong()) {
                    highestIds.merge(sequence, record.path("id").asLong(), Math::max);
                }
                if (spec.get().name().equals("deal-changes")) {
                    Keys.number(key, Keys.parts(key).size() - 1).ifPresent(n -> highestIds.merge("deal-change", n, Math::max));
                }
                if (spec.get().name().equals("notes")) {
                    spec.get().owner(key).ifPresent(touched::add);
                }
                count++;
                any = true;
            }
            if (any) {
                tables.add(t.getKey());
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = root.path("sequences").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> s = it.next();
            if (SEQUENCES.contains(s.getKey()) && s.getValue().canConvertToLong()) {
                tx.raiseSequence(s.getKey(), s.getValue().asLong());
            }
        }
        highestIds.forEach(tx::raiseSequence);
        // the kept counts of accounts whose notes came in are counted again when next read
        touched.forEach(owner -> coach.kam.accounts.Summaries.forgetRep(tx, owner));
        return new Result(count, tables, refused);
    }
}
