package coach.kam.conversation;

import java.util.Collection;
import java.util.Locale;
import java.util.List;
import java.util.Optional;

/**
 * How a typed line is read as a command, with the habits of phone keyboards: a full-width slash
 * ("／help"), no space after the command ("/o太贵了", "/account华东医药"), a bot name ("/o@bot"),
 * and invisible characters that some keyboards insert.
 */
public final class CommandWords {
    private CommandWords() {
    }

    /** The command word (lower case, as registered), the word as typed, and the rest of the line. */
    public record Parsed(String name, String word, String args) {
    }

    /** Whether a line is a command: it starts with a slash, half or full width. */
    public static boolean isCommand(String text) {
        return text.startsWith("/") || text.startsWith("／");
    }

    /** Nothing a person can see: white space, zero-width spaces and joiners, byte-order marks. */
    public static boolean invisibleOnly(String text) {
        return visible(text).isEmpty();
    }

    /** The text without zero-width characters, stripped. */
    public static String visible(String text) {
        if (text == null) {
            return "";
        }
        return text.replaceAll("[\\u200B-\\u200F\\u2060-\\u2064\\uFEFF\\u00AD\\u180E]", "").strip();
    }

    /**
     * Splits "/word args". When the word is not a known command but starts with one, the longest
     * such command is taken and the rest joins the arguments ("/objection太贵" is /objection, not
     * /o), as long as the rest does not go on with letters or digits ("/ofoo" stays unknown).
     */
    public static Parsed parse(String text, Collection<String> known) {
        String body = text.substring(1);
        int space = indexOfWhitespace(body);
        String word = space < 0 ? body : body.substring(0, space);
        String args = space < 0 ? "" : body.substring(space);
        int at = word.indexOf('@');
        if (at >= 0) {
            word = word.substring(0, at);
        }
        String name = word.toLowerCase(Locale.ROOT);
        if (!known.contains(name)) {
            String prefix = null;
            for (String k : known) {
                if (name.startsWith(k) && name.length() > k.length() && !isWordChar(name.charAt(k.length()))
                        && (prefix == null || k.length() > prefix.length())) {
                    prefix = k;
                }
            }
            if (prefix != null) {
                args = word.substring(prefix.length()) + args;
                name = prefix;
                word = prefix;
            }
        }
        String rest = args.strip();
        return new Parsed(name, word, invisibleOnly(rest) ? "" : rest);
    }

    /** The one known command within a slip or two of {@code word} ("acount" → "account"), if any. */
    /**
     * The command a shortened word stands for: "acc" for account (accounts starts with account too,
     * so the shortest is meant). Empty when the word is shorter than 3 letters or could be two
     * different commands ("no" for note or nudge).
     */
    public static Optional<String> completion(String word, Collection<String> known) {
        if (word == null || word.length() < 3) {
            return Optional.empty();
        }
        List<String> starting = known.stream().filter(k -> k.startsWith(word)).sorted(
                java.util.Comparator.comparingInt(String::length)).toList();
        if (starting.isEmpty()) {
            return Optional.empty();
        }
        String shortest = starting.get(0);
        return starting.stream().allMatch(k -> k.startsWith(shortest)) ? Optional.of(shortest) : Optional.empty();
    }

    public static Optional<String> nearest(String word, Collection<String> known) {
        if (word.isEmpty() || word.length() > 40) {
            return Optional.empty();
        }
        if (word.length() < 3) {
            return Optional.empty();
        }
        int allowed = word.length() <= 4 ? 1 : 2;
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        boolean tie = false;
        for (String k : known) {
            int d = distance(word, k);
            if (d < bestDistance) {
                best = k;
                bestDistance = d;
                tie = false;
            } else if (d == bestDistance) {
                tie = true;
            }
        }
        return best != null && bestDistance <= allowed && !tie ? Optional.of(best) : Optional.empty();
    }

    /** Edit distance counting a swap of two neighbouring letters as one edit. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }

    private static boolean isWordChar(char c) {
        return c < 128 && (Character.isLetterOrDigit(c) || c == '_');
    }

    private static int indexOfWhitespace(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isWhitespace(s.charAt(i)) || s.charAt(i) == '\u3000') {
                return i;
            }
        }
        return -1;
    }
}
