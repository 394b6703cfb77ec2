package coach.kam.when;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A cursor over the folded text: each step matches a pattern at the current position (after
 * optional blanks) and advances past it. Folding keeps the length, so positions are valid in the
 * text as the user typed it.
 */
final class Scan {
    private static final String SIMPLIFIED = "点时后周号两个钟礼";
    private static final String TRADITIONAL = "點時後週號兩個鐘禮";

    /** What may stand between the parts of one time phrase: 明天，10点 / Friday, 2pm. */
    private static final String GAP = " \t\r\n,，";

    private final String text;
    private int pos;
    /** Set when the phrase read was a deadline (月底前, by Friday), which reminds on its morning. */
    boolean deadline;

    Scan(String original) {
        this.text = fold(original);
    }

    int pos() {
        return pos;
    }

    void reset(int position) {
        pos = position;
    }

    /** Matches {@code pattern} here, after any {@link #GAP}; on success moves past it and returns the match, else null. */
    Matcher take(Pattern pattern) {
        int start = pos;
        while (start < text.length() && GAP.indexOf(text.charAt(start)) >= 0) {
            start++;
        }
        Matcher m = pattern.matcher(text);
        m.region(start, text.length());
        m.useTransparentBounds(true);
        m.useAnchoringBounds(false);
        if (!m.lookingAt() || m.end() == start) {
            return null;
        }
        pos = m.end();
        return m;
    }

    /** Full-width ASCII and the ideographic space become ASCII; a few traditional characters become simplified. */
    static String fold(String s) {
        char[] chars = s.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            char c = chars[i];
            if (c >= '\uFF01' && c <= '\uFF5E') {
                chars[i] = (char) (c - 0xFEE0);
            } else if (c == '\u3000') {
                chars[i] = ' ';
            } else {
                int t = TRADITIONAL.indexOf(c);
                if (t >= 0) {
                    chars[i] = SIMPLIFIED.charAt(t);
                }
            }
        }
        return new String(chars);
    }
}
