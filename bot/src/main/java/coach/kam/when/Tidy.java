package coach.kam.when;

import java.util.List;
import java.util.Locale;

/** Tidies the pieces of a reminder line left around its marker and time phrase. Plain scans, no patterns. */
final class Tidy {
    private static final String SEPARATORS = ",，:：;；、。.-—–~!！?？ \t\r\n\u3000";
    /** A piece made only of these (in any number) is dropped: "请", "记得", "can you". */
    private static final List<String> FILLERS = List.of("please", "pls", "plz", "can you", "could you", "would you",
            "hey", "and", "to", "about", "that", "请", "麻烦", "帮我", "帮忙", "记得", "在", "于", "到时候", "一下", "你");
    /** Words that only tied the task to the time: "to" in "remind me tomorrow to call", "on" in "call Li on". */
    private static final List<String> LEADING = List.of("to", "about", "that");
    private static final List<String> BEFORE_TIME = List.of("at", "on", "by", "before", "until", "在", "于");
    private static final List<String> POLITE_END = List.of("please", "pls", "thanks", "thank you", "谢谢");

    private Tidy() {
    }

    /** One piece: separators and filler words off its ends; {@code beforeTime} when the time phrase follows it. */
    static String piece(String s, boolean beforeTime) {
        String t = strip(s);
        if (onlyFillers(t)) {
            return "";
        }
        t = strip(dropLeading(t, LEADING));
        if (beforeTime) {
            t = strip(dropTrailing(t, BEFORE_TIME));
        }
        return t;
    }

    /** The pieces joined: a blank between them unless both sides are Chinese; polite words off the end. */
    static String join(List<String> parts) {
        StringBuilder out = new StringBuilder();
        for (String p : parts) {
            if (p.isEmpty()) {
                continue;
            }
            if (out.length() > 0 && !(Character.isIdeographic(out.charAt(out.length() - 1))
                    && Character.isIdeographic(p.charAt(0)))) {
                out.append(' ');
            }
            out.append(p);
        }
        return strip(dropTrailing(out.toString(), POLITE_END));
    }

    private static boolean onlyFillers(String s) {
        String t = s;
        boolean changed = true;
        while (!t.isEmpty() && changed) {
            String next = strip(dropLeading(t, FILLERS));
            changed = next.length() < t.length();
            t = next;
        }
        return t.isEmpty();
    }

    private static String dropLeading(String s, List<String> words) {
        String lower = s.toLowerCase(Locale.ROOT);
        for (String w : words) {
            if (lower.startsWith(w) && (lower.length() == w.length() || !latin(w.charAt(w.length() - 1))
                    || !LineReader.isLatinOrDigit(lower.charAt(w.length())))) {
                return s.substring(w.length());
            }
        }
        return s;
    }

    private static String dropTrailing(String s, List<String> words) {
        String lower = s.toLowerCase(Locale.ROOT);
        for (String w : words) {
            int at = lower.length() - w.length();
            if (lower.endsWith(w) && (at == 0 || !latin(w.charAt(0)) || !LineReader.isLatinOrDigit(lower.charAt(at - 1)))) {
                return s.substring(0, at);
            }
        }
        return s;
    }

    private static boolean latin(char c) {
        return c < 128;
    }

    static String strip(String s) {
        int a = 0;
        int b = s.length();
        while (a < b && SEPARATORS.indexOf(s.charAt(a)) >= 0) {
            a++;
        }
        while (b > a && SEPARATORS.indexOf(s.charAt(b - 1)) >= 0) {
            b--;
        }
        return s.substring(a, b);
    }
}
