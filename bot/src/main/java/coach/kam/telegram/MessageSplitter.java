package coach.kam.telegram;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a long HTML reply into messages under Telegram's 4096-character limit, at line breaks,
 * and never inside an HTML entity. Markup in replies never spans lines, so tags stay balanced.
 */
final class MessageSplitter {
    static final int LIMIT = 4000;

    private MessageSplitter() {
    }

    static List<String> split(String html) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : html.split("\n", -1)) {
            if (current.length() > 0 && current.length() + 1 + line.length() > LIMIT) {
                parts.add(current.toString());
                current.setLength(0);
            }
            // A line too long for one message loses its markup rather than be cut inside a tag.
            String rest = line.length() > LIMIT ? line.replaceAll("<[^>]+>", "") : line;
            while (rest.length() > LIMIT) {
                int cut = safeCut(rest, LIMIT);
                parts.add(rest.substring(0, cut));
                rest = rest.substring(cut);
            }
            if (current.length() > 0) {
                current.append('\n');
            }
            current.append(rest);
        }
        if (current.length() > 0 || parts.isEmpty()) {
            parts.add(current.toString());
        }
        parts.replaceAll(p -> p.isBlank() ? "…" : p);
        return parts;
    }

    private static int safeCut(String s, int max) {
        int amp = s.lastIndexOf('&', max - 1);
        if (amp >= 0 && amp > max - 8 && s.indexOf(';', amp) >= max) {
            return amp;
        }
        if (Character.isHighSurrogate(s.charAt(max - 1))) {
            return max - 1;
        }
        return max;
    }
}
