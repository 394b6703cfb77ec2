package coach.kam.conversation;

import coach.kam.store.Tx;
import java.util.List;
import java.util.Optional;

/** Reads reps' sessions (language, time zone) for work that runs outside a turn, such as a schedule. */
public final class Sessions {
    private Sessions() {
    }

    public static Optional<Session> get(Tx tx, long userId) {
        return tx.get(Conversation.SESSIONS, Long.toString(userId));
    }

    public static List<Session> all(Tx tx) {
        return tx.withPrefix(Conversation.SESSIONS, "");
    }
}
