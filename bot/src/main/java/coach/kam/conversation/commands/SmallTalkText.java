package coach.kam.conversation.commands;

/**
 * Plain scans for the end and the repetition of a short message, as {@link SmallTalk} reads it.
 * As regular expressions these were {@code [!！.。~～,，]+$}, which rescans a run of marks from
 * each mark in it, and {@code ^(.+?)\1+$}, which compares the text against every prefix of it.
 * Both follow the regular expression's rules exactly: {@code .} stops at a line end, and {@code $}
 * also holds just before a line end that closes the text.
 */
final class SmallTalkText {
    private SmallTalkText() {
    }

    /** {@code text} without the run of {@code marks} at its end (before a closing line end, if any). */
    static String withoutTrailing(String text, String marks) {
        int end = text.length() - closingLineEnd(text);
        int start = end;
        while (start > 0 && marks.indexOf(text.charAt(start - 1)) >= 0) {
            start--;
        }
        return text.substring(0, start) + text.substring(end);
    }

    /**
     * The shortest unit {@code text} is two or more copies of, with a closing line end kept ("👍👍👍"
     * → "👍", "谢谢谢谢" → "谢"); {@code text} itself when it is no such repetition. Linear: the
     * shortest period comes from the longest border (the Knuth-Morris-Pratt failure function).
     */
    static String unit(String text) {
        int end = text.length() - closingLineEnd(text);
        for (int i = 0; i < end; i++) {
            if (isLineEnd(text.charAt(i))) {
                return text;
            }
        }
        int period = end - longestBorder(text, end);
        if (period == end || end % period != 0 || splitsPair(text, period)) {
            return text;
        }
        return text.substring(0, period) + text.substring(end);
    }

    /** The length of the longest proper prefix of text[0, end) that is also its suffix. */
    private static int longestBorder(String text, int end) {
        if (end == 0) {
            return 0;
        }
        int[] border = new int[end];
        for (int i = 1; i < end; i++) {
            int k = border[i - 1];
            while (k > 0 && text.charAt(i) != text.charAt(k)) {
                k = border[k - 1];
            }
            border[i] = text.charAt(i) == text.charAt(k) ? k + 1 : k;
        }
        return border[end - 1];
    }

    /** Whether a unit of {@code period} chars would end in the middle of a surrogate pair. */
    private static boolean splitsPair(String text, int period) {
        return Character.isHighSurrogate(text.charAt(period - 1)) && Character.isLowSurrogate(text.charAt(period));
    }

    /** How many chars at the end make the line end that {@code $} may stand before: "\r\n" 2, one line end 1, else 0. */
    private static int closingLineEnd(String text) {
        int n = text.length();
        if (n >= 2 && text.charAt(n - 2) == '\r' && text.charAt(n - 1) == '\n') {
            return 2;
        }
        return n >= 1 && isLineEnd(text.charAt(n - 1)) ? 1 : 0;
    }

    private static boolean isLineEnd(char c) {
        return c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029';
    }
}
