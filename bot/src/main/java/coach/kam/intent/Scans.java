package coach.kam.intent;

import java.util.List;

/**
 * Two signals of {@link IntentReader} read by a plain scan of the line, in one pass. As regular
 * expressions they were {@code ^(?:(?:so|ok|…)[,:]?\s+)+}, whose repeated group makes Java's
 * engine recurse once per word (500 "ok " overflow a 512 KB stack), and {@code [“"「『].{2,}[”"」』]},
 * which rescans the rest of the line from every opening quote.
 */
final class Scans {
    /** Words a rep puts before a question: "so", "ok, quick question: how …". */
    private static final List<String> FILLERS = List.of("so", "ok", "okay", "um", "uh", "hey", "and", "quick question");
    private static final String OPENING = "“\"「『";
    private static final String CLOSING = "”\"」』";

    private Scans() {
    }

    /**
     * The line without the filler words it starts with, each followed by an optional comma or
     * colon and then white space ("ok so how do I …" → "how do I …").
     */
    static String withoutFillers(String lower) {
        int at = 0;
        int next;
        while ((next = afterFiller(lower, at)) >= 0) {
            at = next;
        }
        return lower.substring(at);
    }

    /** Where the text goes on after a filler word, its comma or colon and its white space at {@code at}; else -1. */
    private static int afterFiller(String s, int at) {
        for (String filler : FILLERS) {
            if (!s.startsWith(filler, at)) {
                continue;
            }
            int i = at + filler.length();
            if (i < s.length() && (s.charAt(i) == ',' || s.charAt(i) == ':')) {
                i++;
            }
            int blank = i;
            while (i < s.length() && isBlank(s.charAt(i))) {
                i++;
            }
            if (i > blank) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Whether the line quotes someone: an opening quotation mark and, later on the same line, a
     * closing one with at least two characters (code points) between them; or the word 原话.
     */
    static boolean quoted(String text) {
        if (text.contains("原话")) {
            return true;
        }
        int open = -1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isLineEnd(c)) {
                open = -1;
                continue;
            }
            if (open >= 0 && CLOSING.indexOf(c) >= 0 && twoCodePoints(text, open + 1, i)) {
                return true;
            }
            if (open < 0 && OPENING.indexOf(c) >= 0) {
                open = i;
            }
        }
        return false;
    }

    /** Whether text[from, to) holds at least two code points: three chars always do, two unless one surrogate pair. */
    private static boolean twoCodePoints(String text, int from, int to) {
        int chars = to - from;
        return chars >= 3 || chars == 2
                && !(Character.isHighSurrogate(text.charAt(from)) && Character.isLowSurrogate(text.charAt(from + 1)));
    }

    /** White space as a regular expression's {@code \s} means it: ASCII only. */
    static boolean isBlank(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    /** The characters a regular expression's {@code .} does not match. */
    private static boolean isLineEnd(char c) {
        return c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029';
    }
}
