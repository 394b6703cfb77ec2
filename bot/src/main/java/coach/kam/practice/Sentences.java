package coach.kam.practice;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A typed answer cut into sentences and parts in one pass over its first {@link #LIMIT} characters
 * (no regular expression runs over it), each normalised for cue words: NFKC, lower case, and for
 * words a padded form (" i get it ") so English cues match whole words.
 */
final class Sentences {
    static final int LIMIT = 1_000;

    /** One sentence: its text, its padded words, whether it ended with a question mark. */
    record Sentence(String text, String padded, boolean question) {
        boolean has(String cue) {
            return isHan(cue) ? text.contains(cue) : padded.contains(" " + cue + " ");
        }

        boolean startsWith(String cue) {
            return isHan(cue) ? text.startsWith(cue) : padded.startsWith(" " + cue + " ");
        }
    }

    private Sentences() {
    }

    static String normalise(String raw) {
        String s = raw == null ? "" : raw.strip();
        if (s.length() > LIMIT) {
            s = s.substring(0, LIMIT);
        }
        return Normalizer.normalize(s, Normalizer.Form.NFKC).replace('\u2019', '\'').toLowerCase(Locale.ROOT);
    }

    /** Sentences end at 。！？!? and a line break, and at a full stop followed by a space or the end. */
    static List<Sentence> sentences(String raw) {
        return cut(normalise(raw), false);
    }

    /** Parts also end at commas, semicolons and colons: "理解，这个数确实不小" is two parts. */
    static List<Sentence> parts(String raw) {
        return cut(normalise(raw), true);
    }

    private static List<Sentence> cut(String s, boolean parts) {
        List<Sentence> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean question = c == '?' || c == '？';
            boolean end = question || c == '。' || c == '!' || c == '！' || c == '\n'
                    || (c == '.' && (i + 1 == s.length() || Character.isWhitespace(s.charAt(i + 1))))
                    || (parts && (c == ',' || c == '，' || c == ';' || c == '；' || c == ':' || c == '：' || c == '、'));
            if (end) {
                add(out, s.substring(start, i), question);
                start = i + 1;
            }
        }
        add(out, s.substring(start), false);
        return out;
    }

    private static void add(List<Sentence> out, String text, boolean question) {
        String t = text.strip();
        if (!t.isEmpty()) {
            out.add(new Sentence(t, padded(t), question || t.endsWith("吗") || t.endsWith("呢")));
        }
    }

    /** " words separated by single spaces " with every other character a space. */
    static String padded(String t) {
        StringBuilder b = new StringBuilder(t.length() + 2).append(' ');
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            boolean word = Character.isLetterOrDigit(c) || c == '\'' || c == '%';
            if (word) {
                b.append(c);
            } else if (b.charAt(b.length() - 1) != ' ') {
                b.append(' ');
            }
        }
        if (b.charAt(b.length() - 1) != ' ') {
            b.append(' ');
        }
        return b.toString();
    }

    static boolean isHan(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.UnicodeScript.of(s.charAt(i)) == Character.UnicodeScript.HAN) {
                return true;
            }
        }
        return false;
    }
}
