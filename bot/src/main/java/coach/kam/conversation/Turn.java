package coach.kam.conversation;

import coach.kam.store.Tx;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * One event being handled: the open transaction, the rep's session (changed in place and saved
 * with the transaction) and the replies collected so far.
 */
public final class Turn {
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private final Event event;
    private final Tx tx;
    private final Messages messages;
    private final Clock clock;
    private final List<Reply> replies = new ArrayList<>();
    private final List<java.util.function.Supplier<List<Reply>>> later = new ArrayList<>();
    private Session session;
    private Runnable redo;

    Turn(Event event, Tx tx, Session session, Messages messages, Clock clock) {
        this.event = event;
        this.tx = tx;
        this.session = session;
        this.messages = messages;
        this.clock = clock;
    }

    public Event event() {
        return event;
    }

    public Tx tx() {
        return tx;
    }

    public long userId() {
        return event.userId();
    }

    public Session session() {
        return session;
    }

    public void session(Session changed) {
        this.session = changed;
    }

    public String lang() {
        return session.lang();
    }

    public Instant now() {
        return clock.instant();
    }

    public String formatTime(Instant at) {
        ZoneId zone;
        try {
            zone = ZoneId.of(session.zone());
        } catch (RuntimeException e) {
            zone = ZoneId.of("UTC");
        }
        return DATE_TIME.format(at.atZone(zone));
    }

    /** The rep's language version of a bot sentence. */
    public String t(String key, Object... args) {
        return messages.get(lang(), key, args);
    }

    public void say(String html) {
        replies.add(Reply.of(html));
    }

    public void say(String html, List<List<Button>> buttons) {
        replies.add(new Reply(html, buttons));
    }

    public void say(Reply reply) {
        replies.add(reply);
    }

    /**
     * Work that must not hold the store's transaction (a model call, waiting for the search index):
     * it runs after this turn commits, and its replies follow the immediate ones.
     */
    public void later(java.util.function.Supplier<List<Reply>> work) {
        later.add(work);
    }

    /**
     * Handle this same event again from scratch once {@code waitUntilReady} returns (used while the
     * search index is still being built at start-up). Nothing this turn changed is kept and the
     * update is not marked handled; only its replies (a "one moment") are sent. The wait runs off
     * the chat's thread, and other chats go on meanwhile.
     */
    public void redoAfter(Runnable waitUntilReady) {
        this.redo = waitUntilReady;
    }

    Runnable redo() {
        return redo;
    }

    List<Reply> replies() {
        return List.copyOf(replies);
    }

    List<java.util.function.Supplier<List<Reply>>> deferred() {
        return List.copyOf(later);
    }
}
