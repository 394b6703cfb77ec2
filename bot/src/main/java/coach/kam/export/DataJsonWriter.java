package coach.kam.export;

import coach.kam.store.Json;
import coach.kam.store.Keys;
import coach.kam.store.Table;
import coach.kam.store.Tables;
import coach.kam.store.Tx;
import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Writes {@link DataJson}'s document record by record: each table is read in pages of
 * {@link #PAGE} records and each record is written as it is read, so the memory used does not grow
 * with the store. The reps seen are written last, after the tables that name them.
 */
final class DataJsonWriter {
    /** Records read from the store at a time. */
    static final int PAGE = 500;

    private DataJsonWriter() {
    }

    /** What was written: the reps, the number of records, and the records per table. */
    record Written(Set<Long> users, int records, Map<String, Integer> tables) {
    }

    static Written write(Tx tx, Tables tables, DataJson.Scope scope, Instant now, OutputStream out) {
        try (JsonGenerator g = Json.MAPPER.getFactory().createGenerator(out, JsonEncoding.UTF8)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("format", DataJson.FORMAT);
            g.writeNumberField("formatVersion", DataJson.FORMAT_VERSION);
            g.writeStringField("exportedAt", now.toString());
            g.writeFieldName("account");
            if (scope.accountId() == null) {
                g.writeNull();
            } else {
                g.writeNumber(scope.accountId());
            }
            g.writeObjectFieldStart("sequences");
            for (String s : DataJson.SEQUENCES) {
                g.writeNumberField(s, tx.sequence(s));
            }
            g.writeEndObject();
            Set<Long> seen = new TreeSet<>();
            Map<String, Integer> counts = new LinkedHashMap<>();
            int total = 0;
            g.writeObjectFieldStart("tables");
            for (Table<?> spec : tables.exportable()) {
                g.writeObjectFieldStart(spec.name());
                g.writeNumberField("version", spec.schemaVersion());
                g.writeObjectFieldStart("records");
                int n = table(tx, spec, scope, g, seen);
                g.writeEndObject();
                g.writeEndObject();
                counts.put(spec.name(), n);
                total += n;
            }
            g.writeEndObject();
            Set<Long> users = scope.everyone() ? seen : new TreeSet<>(scope.users());
            g.writeArrayFieldStart("users");
            for (long u : users) {
                g.writeNumber(u);
            }
            g.writeEndArray();
            g.writeEndObject();
            return new Written(users, total, counts);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One table's records in the scope, page by page; returns how many were written. */
    private static int table(Tx tx, Table<?> spec, DataJson.Scope scope, JsonGenerator g, Set<Long> seen)
            throws IOException {
        int n = 0;
        if (scope.everyone()) {
            for (String after = null; ; ) {
                Map<String, ObjectNode> page = tx.recordsAfter(spec, "", after, PAGE);
                for (Map.Entry<String, ObjectNode> r : page.entrySet()) {
                    var owner = spec.owner(r.getKey());
                    if (owner.isPresent()) {
                        seen.add(owner.get());
                        write(g, r.getKey(), r.getValue());
                        n++;
                    }
                    after = r.getKey();
                }
                if (page.size() < PAGE) {
                    return n;
                }
            }
        }
        for (long user : new TreeSet<>(scope.users())) {
            for (String after = null; ; ) {
                Map<String, ObjectNode> page = tx.recordsAfter(spec, Keys.of(user), after, PAGE);
                for (Map.Entry<String, ObjectNode> r : page.entrySet()) {
                    String key = r.getKey();
                    if (spec.ownedBy(key, user) && (scope.accountId() == null
                            || DataJson.aboutAccount(key, r.getValue(), scope.accountId()))) {
                        write(g, key, r.getValue());
                        n++;
                    }
                    after = key;
                }
                if (page.size() < PAGE) {
                    break;
                }
            }
        }
        return n;
    }

    private static void write(JsonGenerator g, String key, ObjectNode record) throws IOException {
        g.writeFieldName(key);
        Json.MAPPER.writeTree(g, record);
    }
}
