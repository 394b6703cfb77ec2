package coach.kam.telegram;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks text sent with {@code parse_mode=HTML} the way the Bot API documents it
 * (https://core.telegram.org/bots/api#html-style) and returns the visible text.
 *
 * <ul>
 *   <li>Only the tags b, strong, i, em, u, ins, s, strike, del, span class="tg-spoiler",
 *       tg-spoiler, a href, code, pre, blockquote [expandable] and tg-emoji emoji-id.</li>
 *   <li>Tags properly nested and closed; the end tag names its start tag.</li>
 *   <li>{@code <}, {@code >} and {@code &} outside tags only as &amp;lt; &amp;gt; &amp;amp;
 *       &amp;quot; or numeric entities.</li>
 *   <li>pre and code contain no other tag (except code directly inside pre), a is not nested in a,
 *       blockquote is not nested in blockquote.</li>
 * </ul>
 * Stricter than Telegram in one point: a bare {@code >} or {@code &} is rejected (Telegram is lenient).
 */
final class TelegramHtmlChecker {

    /** The text is not well-formed Telegram HTML; the message reads like Telegram's. */
    static final class HtmlException extends IllegalArgumentException {
        HtmlException(String message) {
            super(message);
        }
    }

    private static final Set<String> TAGS = Set.of("b", "strong", "i", "em", "u", "ins", "s", "strike", "del",
            "span", "tg-spoiler", "a", "code", "pre", "blockquote", "tg-emoji");
    private static final Pattern TAG_NAME = Pattern.compile("[a-zA-Z][a-zA-Z0-9-]*");
    private static final Pattern ATTRIBUTE = Pattern.compile(
            "\\s+([a-zA-Z_:][-a-zA-Z0-9_:.]*)(?:\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s\"'=<>`]+)))?");
    private static final Pattern ENTITY = Pattern.compile("&(lt|gt|amp|quot|#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6});");

    private TelegramHtmlChecker() {
    }

    /**
     * @return the visible text (tags removed, entities decoded); its length in UTF-16 units is what
     *     Telegram limits
     * @throws HtmlException when the text is not well-formed Telegram HTML
     */
    static String visibleText(String html) {
        StringBuilder text = new StringBuilder(html.length());
        Deque<String> open = new ArrayDeque<>();
        int i = 0;
        while (i < html.length()) {
            char c = html.charAt(i);
            if (c == '<') {
                int end = tagEnd(html, i);
                readTag(html, i, end, open);
                i = end + 1;
            } else if (c == '&') {
                Matcher m = ENTITY.matcher(html).region(i, html.length());
                if (!m.lookingAt()) {
                    throw error("Character '&' is reserved and must be escaped as &amp;", html, i);
                }
                text.append(decode(m.group(1), html, i));
                i = m.end();
            } else if (c == '>') {
                throw error("Character '>' is reserved and must be escaped as &gt;", html, i);
            } else {
                text.append(c);
                i++;
            }
        }
        if (!open.isEmpty()) {
            throw error("Can't find end tag corresponding to start tag \"" + open.peek() + "\"", html, html.length());
        }
        return text.toString();
    }

    /** Index of the '>' closing the tag that starts at {@code start}, skipping quoted attribute values. */
    private static int tagEnd(String html, int start) {
        char quote = 0;
        for (int j = start + 1; j < html.length(); j++) {
            char c = html.charAt(j);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '>') {
                return j;
            } else if (c == '<') {
                break;
            }
        }
        throw error("Unclosed start tag (a bare '<' must be escaped as &lt;)", html, start);
    }

    private static void readTag(String html, int start, int end, Deque<String> open) {
        String inside = html.substring(start + 1, end);
        if (inside.startsWith("/")) {
            String name = inside.substring(1).trim().toLowerCase(Locale.ROOT);
            if (open.isEmpty()) {
                throw error("Unexpected end tag \"" + name + "\"", html, start);
            }
            if (!open.peek().equals(name)) {
                throw error("Can't find end tag corresponding to start tag \"" + open.peek() + "\"", html, start);
            }
            open.pop();
            return;
        }
        Matcher nameMatcher = TAG_NAME.matcher(inside);
        if (!nameMatcher.lookingAt()) {
            throw error("Unsupported start tag \"" + inside + "\" (a bare '<' must be escaped as &lt;)", html, start);
        }
        String name = nameMatcher.group().toLowerCase(Locale.ROOT);
        if (!TAGS.contains(name)) {
            throw error("Unsupported start tag \"" + name + "\"", html, start);
        }
        Map<String, String> attributes = attributes(inside.substring(nameMatcher.end()), name, html, start);
        checkAttributes(name, attributes, html, start);
        checkNesting(name, attributes, open, html, start);
        open.push(name);
    }

    private static Map<String, String> attributes(String rest, String tag, String html, int offset) {
        Map<String, String> attributes = new HashMap<>();
        Matcher m = ATTRIBUTE.matcher(rest);
        int pos = 0;
        while (pos < rest.length()) {
            if (rest.substring(pos).isBlank()) {
                break;
            }
            if (!m.find(pos) || m.start() != pos) {
                throw error("Can't parse attributes of tag \"" + tag + "\"", html, offset);
            }
            String value = m.group(2) != null ? m.group(2) : m.group(3) != null ? m.group(3) : m.group(4);
            attributes.put(m.group(1).toLowerCase(Locale.ROOT), value == null ? "" : value);
            pos = m.end();
        }
        return attributes;
    }

    private static void checkAttributes(String tag, Map<String, String> attributes, String html, int offset) {
        switch (tag) {
            case "span" -> {
                if (!"tg-spoiler".equals(attributes.get("class"))) {
                    throw error("Tag \"span\" must have class \"tg-spoiler\"", html, offset);
                }
            }
            case "a" -> {
                if (attributes.get("href") == null || attributes.get("href").isBlank()) {
                    throw error("Tag \"a\" must have a non-empty href", html, offset);
                }
            }
            case "tg-emoji" -> {
                if (attributes.get("emoji-id") == null || attributes.get("emoji-id").isBlank()) {
                    throw error("Tag \"tg-emoji\" must have emoji-id", html, offset);
                }
            }
            default -> {
                // other attributes are ignored by Telegram
            }
        }
    }

    private static void checkNesting(String tag, Map<String, String> attributes, Deque<String> open,
                                     String html, int offset) {
        String parent = open.peek();
        if (open.contains("code")) {
            throw error("Tag \"" + tag + "\" can't be inside \"code\"", html, offset);
        }
        if (open.contains("pre") && !("code".equals(tag) && "pre".equals(parent))) {
            throw error("Tag \"" + tag + "\" can't be inside \"pre\"", html, offset);
        }
        if ((tag.equals("a") || tag.equals("blockquote") || tag.equals("pre")) && open.contains(tag)) {
            throw error("Tag \"" + tag + "\" can't be nested in \"" + tag + "\"", html, offset);
        }
        if (tag.equals("code") && "pre".equals(parent) && attributes.containsKey("class")
                && !attributes.get("class").startsWith("language-")) {
            throw error("Class of \"code\" inside \"pre\" must be language-...", html, offset);
        }
    }

    private static String decode(String entity, String html, int offset) {
        switch (entity) {
            case "lt":
                return "<";
            case "gt":
                return ">";
            case "amp":
                return "&";
            case "quot":
                return "\"";
            default:
                boolean hex = entity.startsWith("#x") || entity.startsWith("#X");
                int codePoint = Integer.parseInt(entity.substring(hex ? 2 : 1), hex ? 16 : 10);
                if (!Character.isValidCodePoint(codePoint) || codePoint == 0) {
                    throw error("Invalid numeric entity &" + entity + ";", html, offset);
                }
                return new String(Character.toChars(codePoint));
        }
    }

    private static HtmlException error(String message, String html, int charOffset) {
        int byteOffset = html.substring(0, charOffset).getBytes(StandardCharsets.UTF_8).length;
        return new HtmlException(message + " at byte offset " + byteOffset);
    }
}
