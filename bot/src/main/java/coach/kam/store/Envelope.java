package coach.kam.store;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32C;

/**
 * How a record's JSON is kept in the file: {@code "c1:" + CRC32C of its key and JSON (UTF-8) as 8 hex
 * digits + ":" + JSON}, so a changed byte in the value, or a value found under another key, shows. A value that starts with "{" was written before records carried a
 * checksum and is read as it is. Anything else, or a checksum that does not match, is a damaged
 * record: it is reported and skipped, never read as if it were right.
 */
final class Envelope {
    private static final String PREFIX = "c1:";
    private static final int HEADER = PREFIX.length() + 9;

    private Envelope() {
    }

    /** The stored value of {@code json} kept under {@code key} (the key is in the checksum, not in the value). */
    static String seal(String key, String json) {
        return PREFIX + hex(crc(key, json)) + ":" + json;
    }

    /** The JSON inside a stored value; throws {@link Damaged} when the value fails its checksum. */
    static String open(String key, String stored) {
        if (stored.startsWith("{")) {
            return stored;
        }
        if (!stored.startsWith(PREFIX) || stored.length() < HEADER || stored.charAt(HEADER - 1) != ':') {
            throw new Damaged("not a record (no checksum envelope)");
        }
        String json = stored.substring(HEADER);
        long want;
        try {
            want = Long.parseLong(stored.substring(PREFIX.length(), HEADER - 1), 16);
        } catch (NumberFormatException e) {
            throw new Damaged("unreadable checksum");
        }
        if (crc(key, json) != want) {
            throw new Damaged("checksum mismatch");
        }
        return json;
    }

    /** Whether the value carries a checksum (false: written before checksums, read as it is). */
    static boolean sealed(String stored) {
        return !stored.startsWith("{");
    }

    private static long crc(String key, String json) {
        CRC32C c = new CRC32C();
        c.update(key.getBytes(StandardCharsets.UTF_8));
        c.update(0);
        c.update(json.getBytes(StandardCharsets.UTF_8));
        return c.getValue();
    }

    private static String hex(long v) {
        String s = Long.toHexString(v);
        return "0".repeat(8 - s.length()) + s;
    }

    /** A stored value that is not what was written. */
    static final class Damaged extends RuntimeException {
        Damaged(String reason) {
            super(reason, null, false, false);
        }
    }
}
