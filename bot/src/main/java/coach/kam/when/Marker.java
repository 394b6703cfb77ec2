package coach.kam.when;

import java.util.Locale;

/**
 * Finds "提醒我 / remind me" in a line by a plain scan: 提醒我, 提醒我一下, 提醒一下我, (帮我)提醒一下,
 * and "remind me" as words, with a "to", "about" or "that" right after it ("remind me to call",
 * but not the "to" of "remind me tomorrow"). 提醒我们 is someone reminding us, not a request.
 */
final class Marker {
    private static final String EN = "remind me";

    private Marker() {
    }

    /** The first marker in {@code head}, or null. */
    static LineReader.Span find(String head) {
        String s = Scan.fold(head).toLowerCase(Locale.ROOT);
        LineReader.Span zh = chinese(s);
        LineReader.Span en = english(s);
        if (zh == null || en == null) {
            return zh != null ? zh : en;
        }
        return zh.start() <= en.start() ? zh : en;
    }

    private static LineReader.Span chinese(String s) {
        for (int i = s.indexOf("提醒"); i >= 0; i = s.indexOf("提醒", i + 1)) {
            int j = i + 2;
            int end = -1;
            if (s.startsWith("我们", j)) {
                continue;
            }
            if (s.startsWith("我一下", j) || s.startsWith("一下我", j)) {
                end = j + 3;
            } else if (s.startsWith("我", j)) {
                end = j + 1;
            } else if (s.startsWith("一下", j) || endsWith(s, i, "帮我") || endsWith(s, i, "请")) {
                end = s.startsWith("一下", j) ? j + 2 : j;
            }
            if (end > 0) {
                return new LineReader.Span(i, end);
            }
        }
        return null;
    }

    private static LineReader.Span english(String s) {
        for (int i = s.indexOf(EN); i >= 0; i = s.indexOf(EN, i + 1)) {
            int end = i + EN.length();
            if (i > 0 && LineReader.isLatinOrDigit(s.charAt(i - 1))
                    || end < s.length() && LineReader.isLatinOrDigit(s.charAt(end))) {
                continue;
            }
            return new LineReader.Span(i, afterObjectWord(s, end));
        }
        return null;
    }

    /** Past " to", " about" or " that" when one follows as a word. */
    private static int afterObjectWord(String s, int end) {
        int i = end;
        while (i < s.length() && s.charAt(i) == ' ') {
            i++;
        }
        for (String w : new String[] {"to", "about", "that"}) {
            int e = i + w.length();
            if (s.startsWith(w, i) && (e == s.length() || !LineReader.isLatinOrDigit(s.charAt(e)))) {
                return e;
            }
        }
        return end;
    }

    private static boolean endsWith(String s, int at, String word) {
        return at >= word.length() && s.startsWith(word, at - word.length());
    }
}
