package coach.kam.conversation;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * How the bot speaks to one reader, without a chat: the sentences in their language, their time
 * zone and the time of writing. A turn has one ({@link Turn#voice()}); text made outside a chat
 * (the command line's export) makes its own.
 */
public record Voice(Messages messages, String lang, ZoneId zone, Instant now) {
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** The sentence {@code key} in this voice's language, with its arguments filled in. */
    public String t(String key, Object... args) {
        return messages.get(lang, key, args);
    }

    /** A time as the reader's clock shows it ("2026-12-03 09:30"). */
    public String formatTime(Instant at) {
        return DATE_TIME.format(at.atZone(zone));
    }
}
