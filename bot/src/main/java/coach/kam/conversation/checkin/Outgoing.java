package coach.kam.conversation.checkin;

import coach.kam.conversation.Reply;
import coach.kam.store.Tx;
import java.util.List;

/**
 * Where scheduled messages go: the same durable, paced send queue as replies on Telegram, the
 * screen in the console. Written in the caller's transaction, so a message exists exactly when the
 * schedule change that made it does.
 */
public interface Outgoing {
    void enqueue(Tx tx, long chatId, List<Reply> replies);

    /** False for a chat that blocked the bot; it is skipped until the rep writes again. */
    default boolean reachable(long chatId) {
        return true;
    }
}
