package coach.kam.export;

import coach.kam.store.Json;
import coach.kam.store.Store;
import coach.kam.store.Tables;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code manifest.json} in every export: for each file its size, SHA-256 and row or record counts,
 * and the stored records that were skipped because they are damaged (table, key, reason), so an
 * export that completed says what it could not carry.
 * <pre>
 * {"format": "kam-coach-export-manifest", "formatVersion": 1, "exportedAt": "...",
 *  "files": {"report.md": {"bytes": 1234, "sha256": "..."},
 *            "accounts.csv": {"bytes": ..., "sha256": "...", "rows": 3},
 *            "data.json": {"bytes": ..., "sha256": "...", "records": 40, "tables": {"notes": 30, ...}}},
 *  "skipped": [{"table": "notes", "key": "123/000000000007/...", "reason": "checksum mismatch"}]}
 * </pre>
 */
final class Manifest {
    static final String NAME = "manifest.json";

    private final Map<String, ObjectNode> files = new LinkedHashMap<>();

    /** A file's size in bytes and its SHA-256 in hex. */
    record Sized(long bytes, String sha256) {
    }

    /** Adds a file with its size and hash; returns its entry for further counts. */
    ObjectNode file(String name, Sized sized) {
        ObjectNode f = Json.MAPPER.createObjectNode();
        f.put("bytes", sized.bytes());
        f.put("sha256", sized.sha256());
        files.put(name, f);
        return f;
    }

    String json(Instant at, List<Store.BadRecord> damaged, DataJson.Scope scope, Tables tables) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("format", "kam-coach-export-manifest");
        root.put("formatVersion", 1);
        root.put("exportedAt", at.toString());
        ObjectNode fs = root.putObject("files");
        files.forEach(fs::set);
        ArrayNode skipped = root.putArray("skipped");
        for (Store.BadRecord b : damaged) {
            if (inScope(b, scope, tables)) {
                skipped.addObject().put("table", b.table()).put("key", b.key()).put("reason", b.reason());
            }
        }
        try {
            return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A damaged record belongs in the manifest when its key is one of the exported reps' (or everyone's are exported). */
    private static boolean inScope(Store.BadRecord b, DataJson.Scope scope, Tables tables) {
        if (scope.users().isEmpty()) {
            return true;
        }
        return tables.named(b.table()).map(t -> scope.users().stream().anyMatch(u -> t.ownedBy(b.key(), u)))
                .orElse(false);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
