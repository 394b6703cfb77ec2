package coach.kam.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The one key scheme. A rep's record is keyed by the rep's id, then the record's path, joined by
 * "/": {@code 42/000000000007/000000000013}. Numbers in the path (and parts made only of digits) are
 * padded to twelve digits, so a range read returns them in id order; the rep's id is written as it
 * is, so {@code "42/"} is the range of everything the rep keeps. Machinery that is not a rep's
 * (queues by time, caches by hash) builds its keys with {@link #path} and {@link #queue}: numbers
 * padded, texts kept as they are, in the order that table is read in.
 *
 * <p>Keys written before this scheme ({@code rep/42/...} votes, unpadded account ids) are brought to
 * it by {@link #upgrade}, once when the store is opened by the bot and for every imported key.
 */
public final class Keys {
    /** Digits a number in a path is padded to. */
    public static final int WIDTH = 12;
    private static final String OLD_REP_PREFIX = "rep/";

    private Keys() {
    }

    /** A rep's record: the rep's id, then the path. */
    public static String of(long rep, Object... path) {
        return join(new StringBuilder().append(rep), path, true);
    }

    /** The range of a rep's records under a path: {@code of(rep, path) + "/"}. */
    public static String under(long rep, Object... path) {
        return of(rep, path) + "/";
    }

    /**
     * A key of machinery that is no rep's (queues by time, caches by hash): the parts joined by "/",
     * numbers padded, texts as they are (a day written {@code 20261203} sorts as it is).
     */
    public static String path(Object... parts) {
        return join(new StringBuilder(), parts, false);
    }

    /** A number as it stands in a key. */
    public static String pad(long id) {
        return pad(id, WIDTH);
    }

    /** A number padded to {@code width} digits (a table whose order keys were written that wide). */
    public static String pad(long n, int width) {
        if (n < 0) {
            throw new IllegalArgumentException("a key part cannot be negative: " + n);
        }
        String digits = Long.toString(n);
        return digits.length() >= width ? digits : "0".repeat(width - digits.length()) + digits;
    }

    /** A queue's place: a sequence number padded to 19 digits, so any long sorts in order. */
    public static String queue(long seq) {
        return pad(seq, 19);
    }

    /** Whether a key of a rep's table is written in this scheme: the rep's id first, numbers padded. */
    public static boolean inScheme(String key) {
        return owner(key).isPresent() && current(key);
    }

    private static String join(StringBuilder b, Object[] parts, boolean padText) {
        for (Object part : parts) {
            if (!b.isEmpty()) {
                b.append('/');
            }
            append(b, part, padText);
        }
        return b.toString();
    }

    private static void append(StringBuilder b, Object part, boolean padText) {
        if (part instanceof Long || part instanceof Integer) {
            b.append(pad(((Number) part).longValue()));
            return;
        }
        String text = part instanceof Enum<?> e ? e.name() : String.valueOf(part);
        if (text.isEmpty()) {
            throw new IllegalArgumentException("a key part cannot be empty");
        }
        b.append(padText ? padDigits(text) : text);
    }

    /** The rep a key belongs to: its first part, when that is a number. */
    public static Optional<Long> owner(String key) {
        int slash = key.indexOf('/');
        String first = slash < 0 ? key : key.substring(0, slash);
        if (first.isEmpty() || first.length() > 18 || !digits(first)) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(first));
    }

    /** Whether a key is the rep's own: the rep's id, or under it. */
    public static boolean ownedBy(String key, long rep) {
        String id = Long.toString(rep);
        return key.equals(id) || key.startsWith(id + "/");
    }

    /** The parts of a key's path after the rep's id (empty for a key that is only the id). */
    public static List<String> parts(String key) {
        List<String> out = new ArrayList<>();
        int from = key.indexOf('/');
        while (from >= 0) {
            int next = key.indexOf('/', from + 1);
            out.add(next < 0 ? key.substring(from + 1) : key.substring(from + 1, next));
            from = next;
        }
        return out;
    }

    /** The {@code index}th part of the path after the rep's id, read as a number; empty when it is not one. */
    public static Optional<Long> number(String key, int index) {
        List<String> parts = parts(key);
        if (index >= parts.size()) {
            return Optional.empty();
        }
        String p = parts.get(index);
        return !p.isEmpty() && p.length() <= 18 && digits(p) ? Optional.of(Long.parseLong(p)) : Optional.empty();
    }

    /**
     * A key as this scheme writes it: votes keyed {@code rep/<id>/...} lose the {@code rep/}, and
     * every part after the first that is only digits is padded. A current key, and a key that names
     * no rep, comes back unchanged.
     */
    public static String upgrade(String key) {
        String k = key.startsWith(OLD_REP_PREFIX) && owner(key.substring(OLD_REP_PREFIX.length())).isPresent()
                ? key.substring(OLD_REP_PREFIX.length()) : key;
        int slash = k.indexOf('/');
        if (slash < 0 || owner(k).isEmpty()) {
            return k;
        }
        StringBuilder b = new StringBuilder(k.length() + 16).append(k, 0, slash);        return b.append('/').append(padDigits(k.substring(slash + 1))).toString();
    }

    /** Whether a key is written in this scheme. */
    public static boolean current(String key) {
        return upgrade(key).equals(key);
    }

    /** Pads each "/"-separated piece of a text that is only digits (a typed phrase with "/" keeps the scheme piece by piece). */
    private static String padDigits(String text) {
        if (text.indexOf('/') < 0) {
            return padPiece(text);
        }
        StringBuilder b = new StringBuilder(text.length() + 16);
        int from = 0;
        for (int slash = text.indexOf('/'); ; slash = text.indexOf('/', from)) {
            b.append(padPiece(slash < 0 ? text.substring(from) : text.substring(from, slash)));
            if (slash < 0) {
                return b.toString();
            }
            b.append('/');
            from = slash + 1;
        }
    }

    private static String padPiece(String piece) {
        return !piece.isEmpty() && piece.length() < WIDTH && digits(piece)
                ? "0".repeat(WIDTH - piece.length()) + piece : piece;
    }

    private static boolean digits(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
