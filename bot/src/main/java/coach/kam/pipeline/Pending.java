package coach.kam.pipeline;

import java.util.function.Function;

/**
 * An inbox entry in memory, with what the adapter decoded from it (kept so that an update is read
 * once, and read again from its JSON after a restart).
 */
public final class Pending {
    private volatile Inbox.Entry entry;
    private volatile Object decoded;
    private volatile boolean prepared;

    Pending(Inbox.Entry entry, Object decoded) {
        this.entry = entry;
        this.decoded = decoded;
    }

    public Inbox.Entry entry() {
        return entry;
    }

    void entry(Inbox.Entry e) {
        this.entry = e;
    }

    /** What the adapter made of the entry's JSON, decoded on first use. */
    @SuppressWarnings("unchecked")
    public <T> T decoded(Function<String, T> decode) {
        Object d = decoded;
        if (d == null) {
            d = decode.apply(entry.json());
            decoded = d;
        }
        return (T) d;
    }

    boolean prepared() {
        return prepared;
    }

    void markPrepared() {
        prepared = true;
    }
}
