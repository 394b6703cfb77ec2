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
    private final Instant quietSince;

    Turn(Event event, Tx tx, Session session, Messages messages, Clock clock) {
        this.event = event;
        this.tx = tx;
        this.session = session;
        this.quietSince = session.lastSeen();
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

    /** How long the rep had been quiet before this turn (zero when not known). */
    public java.time.Duration quiet() {
        return quietSince == null || quietSince.isAfter(now()) ? java.time.Duration.ZERO
                : java.time.Duration.between(quietSince, now());
    }

    public Instant now() {
        return clock.instant();
    }

    /** The rep's time zone (UTC when the stored one is unknown). */
    public ZoneId zone() {
        try {
            return ZoneId.of(session.zone());
        } catch (RuntimeException e) {
            return ZoneId.of("UTC");
        }
    }

    public String formatTime(Instant at) {
        return DATE_TIME.format(at.atZone(zone()));
    }

    private java.util.function.BiConsumer<Turn, String> plainText = (t, text) -> { };

    void onPlainText(java.util.function.BiConsumer<Turn, String> handler) {
        this.plainText = handler;
    }

    /** Reads the text as if no question were open: a note, a question, an objection, a reminder. */
    public void asPlainText(String text) {
        plainText.accept(this, text);
    }

    /** The dialog the rep is in, if any. */
    public java.util.Optional<Dialog> dialog() {
        Long id = session.dialogId();
        return id == null ? java.util.Optional.empty() : Dialogs.get(tx, userId(), id);
    }

    /**
     * Waits for one typed answer (or a press of {@link #choice}) for the one-step dialog of this
     * kind; {@code arg} travels with it to the handler.
     */
    public Dialog await(String kind, String arg) {
        java.util.Map<String, String> context = arg == null ? java.util.Map.of() : java.util.Map.of("arg", arg);
        return open(Dialogs.fresh(tx, userId(), kind, null, 0, "answer", session.openAccountId(), context, now()));
    }

    /** Starts a walkthrough run and makes it the open dialog. */
    public Dialog startWalkthrough(String flow, int version, String firstStep, long accountId) {
        return open(Dialogs.fresh(tx, userId(), "walk", flow, version, firstStep, accountId, java.util.Map.of(), now()));
    }

    /** Saves a dialog's new state and makes it the open one. */
    public Dialog open(Dialog d) {
        Dialog touched = new Dialog(d.id(), d.userId(), d.kind(), d.flow(), d.version(), d.step(), d.seq(), d.answers(),
                d.history(), d.accountId(), d.context(), d.startedAt(), now(), d.returnTo());
        Dialogs.put(tx, touched);
        session = session.withDialog(touched.id());
        return touched;
    }

    /** Ends a dialog: its buttons stop working and nothing waits for it any more. */
    public void endDialog(Dialog d) {
        Dialogs.delete(tx, d);
        if (d.id() == (session.dialogId() == null ? -1 : session.dialogId())) {
            session = session.withDialog(null);
        }
    }

    /** A button answering the dialog's current step. */
    public Button choice(Dialog d, String label, String op, String arg) {
        return new DialogButton(d.id(), d.seq(), op, arg).button(label);
    }

    /** The rep's language version of a bot sentence. */
    /** This turn's way of speaking, for code that renders text without the rest of the turn. */
    public Voice voice() {
        return new Voice(messages, lang(), zone(), now());
    }

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
