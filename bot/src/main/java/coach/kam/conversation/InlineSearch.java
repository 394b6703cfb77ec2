package coach.kam.conversation;

import java.util.List;

/** Answers an inline query typed in any chat ("@bot price too high") with ready-to-send results. */
@FunctionalInterface
public interface InlineSearch {
    List<Result> search(long userId, String lang, String query);

    /** One result: a stable id, what the list shows, and the message (Telegram HTML) it sends. */
    record Result(String id, String title, String description, String html) {
    }
}
