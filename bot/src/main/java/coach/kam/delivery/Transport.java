package coach.kam.delivery;

import coach.kam.conversation.Reply;

/** Sends one message to a chat, once; the send queue decides what happens after each outcome. */
@FunctionalInterface
public interface Transport {

    /** What the messenger answered. */
    record Outcome(Kind kind, long retryAfterSeconds, String detail) {
        public static final Outcome ACCEPTED = new Outcome(Kind.ACCEPTED, 0, "");

        public static Outcome retryAfter(long seconds) {
            return new Outcome(Kind.RETRY_AFTER, Math.max(1, seconds), "");
        }

        public static Outcome transientFailure(String detail) {
            return new Outcome(Kind.TRANSIENT, 0, detail);
        }

        public static Outcome blocked(String detail) {
            return new Outcome(Kind.BLOCKED, 0, detail);
        }

        public static Outcome rejected(String detail) {
            return new Outcome(Kind.REJECTED, 0, detail);
        }
    }

    enum Kind {
        /** The messenger has the message. */
        ACCEPTED,
        /** Too many requests: try this chat again after the given time. */
        RETRY_AFTER,
        /** A server error, a timeout or a dropped connection: try again with backoff. */
        TRANSIENT,
        /** The user blocked the bot (HTTP 403): nothing more goes to this chat until the user writes. */
        BLOCKED,
        /** Refused for good (another 4xx): sending it again would fail again. */
        REJECTED
    }

    Outcome send(long chatId, Reply message);

    /** The messages one reply goes out as (a reply too long for one message is cut in parts). */
    default java.util.List<Reply> split(Reply reply) {
        return java.util.List.of(reply);
    }
}
