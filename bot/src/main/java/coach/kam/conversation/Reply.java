package coach.kam.conversation;

import java.util.List;

/**
 * What the bot says back. {@code html} uses the small HTML subset Telegram accepts (b, i, code);
 * every string a user typed is escaped before it is put in. Adapters render it: Telegram as HTML,
 * the console as plain text.
 */
public record Reply(String html, List<List<Button>> buttons) {

    public Reply {
        buttons = buttons == null ? List.of() : buttons.stream().map(List::copyOf).toList();
    }

    public static Reply of(String html) {
        return new Reply(html, List.of());
    }

    /** The text without markup, as a person reads it. */
    public String plainText() {
        return Html.toPlain(html);
    }
}
