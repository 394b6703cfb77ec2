package coach.kam.pipeline;

import coach.kam.conversation.Reply;
import coach.kam.delivery.SendQueue;
import coach.kam.store.Tx;
import java.util.List;

/** Where the pipeline's own messages go (the "one moment" of a waiting turn, deferred replies). */
@FunctionalInterface
public interface Outbox {
    /** Queues {@code replies} for {@code chat} as part of {@code tx}. */
    void send(Tx tx, long chat, List<Reply> replies);

    /** The durable send queue. */
    static Outbox of(SendQueue queue) {
        return queue::enqueue;
    }
}
