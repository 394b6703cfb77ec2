package coach.kam.flows;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits the answer to a multiple-choice step into its parts: "1, 3", "价格、质量和服务",
 * "price / quality", "price and quality". A plain scan: as a regular expression
 * ({@code [,、;；/]|\s+and\s+|和}) the split rescanned a run of blanks from each blank in it.
 */
final class ChoiceList {
    private static final String SEPARATORS = ",、;；/和";

    private ChoiceList() {
    }

    /** The parts between separators (blank ones included; the caller skips them). */
    static List<String> parts(String text) {
        List<String> parts = new ArrayList<>();
        int start = 0;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (SEPARATORS.indexOf(c) >= 0) {
                parts.add(text.substring(start, i));
                start = ++i;
            } else if (isBlank(c)) {
                int and = skipBlanks(text, i);
                int after = and + 3;
                if (text.startsWith("and", and) && after < text.length() && isBlank(text.charAt(after))) {
                    parts.add(text.substring(start, i));
                    start = skipBlanks(text, after);
                }
                i = Math.max(and, start);
            } else {
                i++;
            }
        }
        parts.add(text.substring(start));
        return parts;
    }

    private static int skipBlanks(String text, int from) {
        int i = from;
        while (i < text.length() && isBlank(text.charAt(i))) {
            i++;
        }
        return i;
    }

    /** White space as a regular expression's {@code \s} means it: ASCII only. */
    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }
}
