package coach.kam.when;

import coach.kam.text.Head;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads a whole reminder line: "提醒我 / remind me" anywhere, and the time phrase before or after
 * the task ("明天下午三点提醒我给王总打电话", "remind me to call jim tomorrow at 3pm"). The time is
 * looked for at every place a word can start, with the same anchored readers as a line that starts
 * with it; the first place that gives a time wins, and a phrase that was recognised but unclear
 * ("下周") is kept in case nothing clearer follows. Only the first {@link #READ_CHARS} characters
 * are read; the text of the reminder is the whole line without the marker and the time phrase.
 */
final class LineReader {
    static final int READ_CHARS = 300;

    /** A part of the line: [start, end). */
    record Span(int start, int end) {
    }

    /** Where the time phrase is, and what it gave: an instant, or the reason it is unclear. */
    record Found(Span span, ZonedDateTime at, String reasonKey, boolean deadline) {
    }

    private LineReader() {
    }

    /** The time phrase in the line, with the marker already blanked out; null when there is none. */
    static Found find(String head, ZonedDateTime now, LocalTime morning) {
        String folded = Scan.fold(head);
        Scan scan = new Scan(head);
        Found unclear = null;
        for (int i = 0; i < folded.length(); i++) {
            if (!candidate(folded, i)) {
                continue;
            }
            scan.reset(i);
            scan.deadline = false;
            try {
                ZonedDateTime at = WhenParser.read(scan, now, morning);
                int end = trimmed(folded, i, scan.pos());
                if (at != null && accepted(folded, end)) {
                    return new Found(new Span(i, end), at, null, scan.deadline);
                }
            } catch (Unsure e) {
                if (unclear == null) {
                    unclear = new Found(new Span(i, Math.max(i + 1, trimmed(folded, i, scan.pos()))), null, e.reasonKey, false);
                }
                i = Math.max(i, scan.pos() - 1);
            }
        }
        return unclear;
    }

    /** The head of the line with the marker replaced by blanks, so positions stay those of the line. */
    static String blanked(String text, Span marker) {
        String head = Head.of(text, READ_CHARS);
        if (marker == null || marker.start() >= head.length()) {
            return head;
        }
        char[] chars = head.toCharArray();
        for (int i = marker.start(); i < Math.min(marker.end(), chars.length); i++) {
            chars[i] = ' ';
        }
        return new String(chars);
    }

    /** The end of a phrase without the blanks its last pattern took (where the marker was blanked out). */
    private static int trimmed(String s, int start, int end) {
        int e = Math.min(end, s.length());
        while (e > start && Character.isWhitespace(s.charAt(e - 1))) {
            e--;
        }
        return e;
    }

    /** Where a word may start: any Chinese character, a letter or digit not inside a Latin word or number. */
    private static boolean candidate(String s, int i) {
        char c = s.charAt(i);
        if (Character.isIdeographic(c)) {
            return !s.startsWith("一点", i) || i + 2 < s.length() && "钟半整0123456789零一二三四五六七八九十".indexOf(s.charAt(i + 2)) >= 0;
        }
        if (!isLatinOrDigit(c) && c != '@') {
            return false;
        }
        return i == 0 || !isLatinOrDigit(s.charAt(i - 1));
    }

    /** 3号仓库, 5号楼: a number before 号 that names a place, not a day. */
    private static boolean accepted(String s, int end) {
        return end <= 0 || end >= s.length() || s.charAt(end - 1) != '号'
                || "仓楼线门库店厅车室院栋位层".indexOf(s.charAt(end)) < 0;
    }

    static boolean isLatinOrDigit(char c) {
        return c < 128 && Character.isLetterOrDigit(c);
    }

    /** The line without the spans given (the marker, the time phrase), tidied: the reminder's text. */
    static String rest(String text, Span marker, Span time) {
        List<Span> cut = new ArrayList<>();
        if (marker != null) {
            cut.add(marker);
        }
        if (time != null) {
            cut.add(time);
        }
        cut.sort((a, b) -> Integer.compare(a.start(), b.start()));
        List<String> parts = new ArrayList<>();
        int at = 0;
        for (Span s : cut) {
            if (s.start() > at) {
                parts.add(Tidy.piece(text.substring(at, s.start()), time != null && s == time));
            }
            at = Math.max(at, s.end());
        }
        if (at < text.length()) {
            parts.add(Tidy.piece(text.substring(at), false));
        }
        return Tidy.join(parts);
    }

    /** Whether the part of the line before {@code end} holds nothing but polite words ("请", "can you"). */
    static boolean onlyFillers(String text, int end) {
        return Tidy.piece(text.substring(0, end), false).isEmpty();
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
