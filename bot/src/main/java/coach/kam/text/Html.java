package coach.kam.text;

/** Escaping for Telegram's HTML parse mode, and the way back to plain text for the console. */
public final class Html {
    private Html() {
    }

    public static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** At most {@code max} characters of {@code s}, with an ellipsis when cut; never splits a character in two. */
    public static String shorten(String s, int max) {
        if (s.length() <= max) {
            return s;
        }
        int cut = Character.isHighSurrogate(s.charAt(max - 1)) ? max - 1 : max;
        return s.substring(0, cut) + "…";
    }

    public static String bold(String escapedHtml) {
        return "<b>" + escapedHtml + "</b>";
    }

    public static String toPlain(String html) {
        return html.replaceAll("<[^>]+>", "")
                .replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&amp;", "&");
    }

    /** Light Markdown from the knowledge files (bold, list bullets) to safe Telegram HTML. */
    public static String fromMarkdown(String markdown) {
        StringBuilder out = new StringBuilder();
        for (String line : markdown.split("\n", -1)) {
            String l = line;
            String trimmed = l.stripLeading();
            if (trimmed.startsWith("- ") || trimmed.startsWith("* ")) {
                l = "• " + trimmed.substring(2);
            } else if (trimmed.startsWith("### ")) {
                l = "**" + trimmed.substring(4) + "**";
            }
            out.append(boldMarkdown(escape(l))).append('\n');
        }
        return out.toString().strip();
    }

    private static String boldMarkdown(String escaped) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (true) {
            int open = escaped.indexOf("**", i);
            int close = open < 0 ? -1 : escaped.indexOf("**", open + 2);
            if (open < 0 || close < 0) {
                out.append(escaped.substring(i));
                return out.toString();
            }
            out.append(escaped, i, open).append("<b>").append(escaped, open + 2, close).append("</b>");
            i = close + 2;
        }
    }

    /** Where "account: text" splits: the first colon, half- or full-width (a Chinese keyboard types "："); -1 if none. */
    public static int firstColon(String s) {
        int a = s.indexOf(':');
        int b = s.indexOf('：');
        if (a < 0) {
            return b;
        }
        return b < 0 ? a : Math.min(a, b);
    }
}
