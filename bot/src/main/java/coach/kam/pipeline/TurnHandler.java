package coach.kam.pipeline;

import coach.kam.conversation.Reply;
import coach.kam.quarantine.Quarantine;
import coach.kam.store.Tx;
import java.util.List;
import java.util.function.Supplier;

/**
 * What an adapter does with one of its updates. The pipeline calls {@link #handle} inside a scope of
 * the group's transaction: whatever it throws (a bug, a StackOverflowError, an OutOfMemoryError)
 * discards that scope and nothing else.
 */
public interface TurnHandler {

    /**
     * Slow work that needs no store, done before the turn and outside the store's lock (reading
     * the update, warming the search's caches). Must not write anything; a failure here is ignored
     * and the turn runs anyway.
     */
    default void prepare(Pending pending) {
    }

    /** Handles one update inside {@code tx} (a scope of the group's transaction). */
    Step handle(Tx tx, Pending pending);

    /**
     * The update was set aside after failing: tell its sender once, inside {@code tx}. A failure
     * here is logged and changes nothing else.
     */
    void quarantined(Tx tx, Pending pending, Quarantine.Item item);

    /**
     * What a turn came to. {@code replyChat} is where its replies went (0: none).
     * <ul>
     *   <li>DONE: handled; {@code afterCommit} runs once the group is durable.</li>
     *   <li>DEFERRED: handled; {@code deferred} runs after the commit, off the handler, its replies queued
     *   to {@code replyChat} in order; the chat waits for it.</li>
     *   <li>WAITING: nothing of the turn was kept; {@code replies} (a "one moment") are queued the first
     *   time, {@code redo} runs off the handler until what the turn needs is ready, then the update is
     *   handled again from scratch.</li>
     * </ul>
     */
    record Step(Kind kind, long replyChat, List<Runnable> afterCommit, List<Supplier<List<Reply>>> deferred,
                List<Reply> replies, Runnable redo) {

        public static Step done(long replyChat, List<Runnable> afterCommit) {
            return new Step(Kind.DONE, replyChat, afterCommit, List.of(), List.of(), null);
        }

        public static Step done(long replyChat) {
            return done(replyChat, List.of());
        }

        public static Step deferred(long replyChat, List<Runnable> afterCommit, List<Supplier<List<Reply>>> work) {
            return new Step(Kind.DEFERRED, replyChat, afterCommit, work, List.of(), null);
        }

        public static Step waiting(long replyChat, List<Reply> replies, Runnable redo, List<Runnable> afterCommit) {
            return new Step(Kind.WAITING, replyChat, afterCommit, List.of(), replies, redo);
        }
    }

    enum Kind { DONE, DEFERRED, WAITING }
}
