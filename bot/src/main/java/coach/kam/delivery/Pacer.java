package coach.kam.delivery;

import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Token buckets for sending: one per chat (about a message a second with a small burst, the limit
 * Telegram applies to one conversation) and one for the whole bot. Time comes from an injected
 * nanosecond ticker, so tests move it instead of sleeping. Not thread-safe: the dispatcher owns it.
 */
public final class Pacer {
    /** Seconds between messages to one chat once its burst is used; a little over 1 s leaves room for jitter. */
    static final double CHAT_INTERVAL_SECONDS = 1.1;
    static final int CHAT_BURST = 3;

    private final LongSupplier nanos;
    private final boolean unpaced;
    private final double globalPerNano;
    private final double globalBurst;
    private final double chatPerNano = 1 / (CHAT_INTERVAL_SECONDS * 1e9);
    private double globalTokens;
    private long globalAt;
    private final Map<Long, Bucket> chats = new HashMap<>();

    private static final class Bucket {
        double tokens = CHAT_BURST;
        long at;

        Bucket(long at) {
            this.at = at;
        }
    }

    /** {@code perSecond} overall; 0 sends as fast as the transport goes (for benchmarks). */
    public Pacer(double perSecond, LongSupplier nanos) {
        this.nanos = nanos;
        this.unpaced = perSecond <= 0;
        this.globalPerNano = perSecond / 1e9;
        this.globalBurst = Math.max(1, Math.min(perSecond, 5));
        this.globalTokens = globalBurst;
        this.globalAt = nanos.getAsLong();
    }

    public long now() {
        return nanos.getAsLong();
    }

    /** The earliest time (ticker nanos) a message to this chat may go; {@code now} or earlier means at once. */
    public long readyAt(long chatId, long now) {
        if (unpaced) {
            return now;
        }
        refillGlobal(now);
        Bucket chat = chat(chatId, now);
        long chatWait = chat.tokens >= 1 ? 0 : (long) Math.ceil((1 - chat.tokens) / chatPerNano);
        long globalWait = globalTokens >= 1 ? 0 : (long) Math.ceil((1 - globalTokens) / globalPerNano);
        return now + Math.max(chatWait, globalWait);
    }

    /** Takes a token from the chat and from the whole bot; call only when {@link #readyAt} said now. */
    public void take(long chatId, long now) {
        if (unpaced) {
            return;
        }
        refillGlobal(now);
        Bucket chat = chat(chatId, now);
        chat.tokens -= 1;
        globalTokens -= 1;
    }

    /** Forgets chats whose bucket is full again, so the map does not grow with every chat ever seen. */
    public void forgetIdle(long now) {
        chats.entrySet().removeIf(e -> {
            refill(e.getValue(), now);
            return e.getValue().tokens >= CHAT_BURST;
        });
    }

    private Bucket chat(long chatId, long now) {
        Bucket state = chats.computeIfAbsent(chatId, id -> new Bucket(now));
        refill(state, now);
        return state;
    }

    private void refill(Bucket state, long now) {
        long since = now - state.at;
        if (since > 0) {
            state.tokens = Math.min(CHAT_BURST, state.tokens + since * chatPerNano);
            state.at = now;
        }
    }

    private void refillGlobal(long now) {
        long since = now - globalAt;
        if (since > 0) {
            globalTokens = Math.min(globalBurst, globalTokens + since * globalPerNano);
            globalAt = now;
        }
    }
}
