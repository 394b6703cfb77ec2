package coach.kam.conversation;

import coach.kam.store.Store;
import coach.kam.store.Table;
import coach.kam.store.Tx;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The transport-agnostic core: routes an event to a command, a button action, the answer the
 * bot is waiting for, or the plain-text default, inside one store transaction, and returns the
 * replies. Handlers are small functions registered by name.
 */
public final class Conversation {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Conversation.class);
    static final Table<Session> SESSIONS = Table.of("sessions", Session.class);

    private final Store store;
    private final Messages messages;
    private final Clock clock;
    private final Map<String, Command> commands;
    private final Map<String, ButtonAction> buttons;
    private final Map<String, TextAction> waiting;
    private final TextAction plainText;
    private final LocationAction location;

    /** What a shared location does. */
    @FunctionalInterface
    public interface LocationAction {
        void share(Turn turn, Event.Location location);
    }

    private Conversation(Builder b) {
        this.store = b.store;
        this.messages = b.messages;
        this.clock = b.clock;
        this.commands = Map.copyOf(b.commands);
        this.buttons = Map.copyOf(b.buttons);
        this.waiting = Map.copyOf(b.waiting);
        this.plainText = b.plainText;
        this.location = b.location;
    }

    public static Builder builder(Store store, Messages messages, Clock clock) {
        return new Builder(store, messages, clock);
    }

    public Messages messages() {
        return messages;
    }

    /** What handling one event inside a caller's transaction came to. */
    public record Outcome(Kind kind, List<Reply> replies, List<java.util.function.Supplier<List<Reply>>> deferred,
                          Runnable redo) {
        static Outcome duplicate() {
            return new Outcome(Kind.DUPLICATE, List.of(), List.of(), null);
        }
    }

    public enum Kind {
        /** The update was handled before: nothing changed, nothing to send. */
        DUPLICATE,
        /** Handled: its changes are in the transaction, with the update marked handled. */
        DONE,
        /**
         * Not handled yet: the turn needs something still loading. Nothing it changed was kept and the
         * update is not marked; send {@code replies} (a "one moment"), run {@code redo} (it waits until the
         * thing is ready) off the chat's thread, then handle the same event again from scratch.
         */
        REDO
    }

    /** Handles one event and returns all its replies, deferred ones included. */
    public List<Reply> handle(Event event) {
        List<Reply> all = new java.util.ArrayList<>();
        handle(event, all::addAll);
        return all;
    }

    /**
     * Handles one event in its own transaction: the immediate replies go to {@code send} as soon as
     * the transaction commits, then the replies of any deferred work, each as it completes. A turn
     * that needs the search index before it is ready sends its "one moment", waits here (for the
     * console, which has nothing else to do) and runs again from scratch. A redelivered event (same
     * update id) changes nothing and sends nothing.
     */
    public void handle(Event event, java.util.function.Consumer<List<Reply>> send) {
        while (true) {
            Outcome done;
            try {
                done = store.inTransaction(tx -> handleIn(tx, event));
            } catch (RuntimeException e) {
                // The transaction rolled back, so nothing half-done was kept; say so rather than go quiet.
                LOG.error("event from user {} failed", event.userId(), e);
                send.accept(List.of(apology(event)));
                return;
            }
            if (!done.replies().isEmpty()) {
                send.accept(done.replies());
            }
            if (done.kind() != Kind.REDO) {
                for (var work : done.deferred()) {
                    List<Reply> replies = work.get();
                    if (!replies.isEmpty()) {
                        send.accept(replies);
                    }
                }
                return;
            }
            done.redo().run();
        }
    }

    /**
     * Handles one event inside the caller's transaction, for adapters that commit several events
     * together. The turn runs in a scope of {@code tx}: a turn that fails or must be redone leaves
     * nothing in it. A failing turn is marked handled (so it cannot block its chat) and answered
     * with a short apology. Deferred work is returned, to be run after the commit.
     */
    public Outcome handleIn(Tx tx, Event event) {
        if (event.updateId() != null && tx.isUpdateHandled(event.updateId())) {
            return Outcome.duplicate();
        }
        Event clean = withoutInvisibleText(event);
        Tx.Scope scope = tx.scope();
        Turn turn;
        try {
            String key = Long.toString(clean.userId());
            java.util.Optional<Session> stored = scope.get(SESSIONS, key);
            Session session = stored.orElseGet(
                    () -> Session.fresh(clean.userId(), Messages.languageFor(clean.languageCode()), clock.instant()));
            turn = new Turn(clean, scope, session, messages, clock);
            dispatch(turn);
            if (turn.redo() != null) {
                return new Outcome(Kind.REDO, turn.replies(), List.of(), turn.redo());
            }
            // an unchanged session is not written again (most notes change nothing in it)
            if (stored.isEmpty() || !stored.get().equals(turn.session())) {
                scope.put(SESSIONS, key, turn.session());
            }
        } catch (RuntimeException e) {
            LOG.error("event from user {} failed; nothing it changed was kept", event.userId(), e);
            if (event.updateId() != null) {
                tx.markUpdateHandled(event.updateId());
            }
            return new Outcome(Kind.DONE, List.of(apology(event)), List.of(), null);
        }
        scope.keep();
        if (event.updateId() != null) {
            tx.markUpdateHandled(event.updateId());
        }
        return new Outcome(Kind.DONE, turn.replies(), turn.deferred(), null);
    }

    private Reply apology(Event event) {
        return Reply.of(messages.get(Messages.languageFor(event.languageCode()), "error.internal"));
    }

    /**
     * Text made only of invisible characters (zero-width spaces, joiners, byte-order marks) and
     * white space is no text: it gets the answer an empty message gets.
     */
    static Event withoutInvisibleText(Event event) {
        String text = event.text();
        if (text == null || text.isEmpty()) {
            return event;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!Character.isWhitespace(c) && !Character.isSpaceChar(c) && Character.getType(c) != Character.FORMAT) {
                return event;
            }
        }
        return new Event(event.userId(), event.chatId(), event.updateId(), "", event.buttonData(), event.location(),
                event.languageCode());
    }

    /** The language a user's session speaks, for adapters that answer outside a conversation turn. */
    public String languageOf(long userId, String fallbackCode) {
        return store.inTransaction(tx -> languageOf(tx, userId, fallbackCode));
    }

    /** As {@link #languageOf(long, String)}, inside the caller's transaction. */
    public String languageOf(Tx tx, long userId, String fallbackCode) {
        return tx.get(SESSIONS, Long.toString(userId)).map(Session::lang).orElse(Messages.languageFor(fallbackCode));
    }

    private void dispatch(Turn turn) {
        Event e = turn.event();
        if (e.buttonData() != null) {
            pressButton(turn, e.buttonData());
        } else if (e.location() != null) {
            location.share(turn, e.location());
        } else if (e.text() != null && !e.text().isBlank()) {
            typed(turn, e.text().strip());
        } else {
            turn.say(turn.t("unsupported.message"));
        }
    }

    private void typed(Turn turn, String text) {
        if (text.startsWith("/")) {
            runCommand(turn, text);
            return;
        }
        Session s = turn.session();
        TextAction pending = s.pending() == null ? null : waiting.get(s.pending());
        if (pending != null) {
            turn.session(s.notWaiting());
            pending.answer(turn, text, s.pendingArg());
        } else {
            plainText.answer(turn, text, null);
        }
    }

    private void runCommand(Turn turn, String text) {
        int space = indexOfWhitespace(text);
        String word = space < 0 ? text.substring(1) : text.substring(1, space);
        int at = word.indexOf('@');
        if (at >= 0) {
            word = word.substring(0, at);
        }
        String args = space < 0 ? "" : text.substring(space).strip();
        Command command = commands.get(word.toLowerCase(Locale.ROOT));
        if (command == null) {
            turn.say(turn.t("command.unknown", Html.escape(Html.shorten(word, 32))));
            return;
        }
        // A new command abandons whatever the bot was waiting for.
        turn.session(turn.session().notWaiting());
        command.run(turn, args);
    }

    private void pressButton(Turn turn, String data) {
        String[] parts = data.split(":", -1);
        ButtonAction action = buttons.get(parts[0]);
        if (action == null) {
            turn.say(turn.t("button.unknown"));
            return;
        }
        String[] args = new String[parts.length - 1];
        System.arraycopy(parts, 1, args, 0, args.length);
        action.press(turn, args);
    }

    private static int indexOfWhitespace(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isWhitespace(s.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    /** Collects the handlers; the capabilities register themselves here. */
    public static final class Builder {
        private final Store store;
        private final Messages messages;
        private final Clock clock;
        private final Map<String, Command> commands = new LinkedHashMap<>();
        private final Map<String, ButtonAction> buttons = new HashMap<>();
        private final Map<String, TextAction> waiting = new HashMap<>();
        private TextAction plainText = (turn, text, arg) -> turn.say(turn.t("help.short"));
        private LocationAction location = (turn, loc) -> turn.say(turn.t("unsupported.message"));

        private Builder(Store store, Messages messages, Clock clock) {
            this.store = store;
            this.messages = messages;
            this.clock = clock;
        }

        public Builder command(String name, Command command) {
            if (commands.putIfAbsent(name, command) != null) {
                throw new IllegalStateException("command registered twice: " + name);
            }
            return this;
        }

        public Builder button(String prefix, ButtonAction action) {
            if (buttons.putIfAbsent(prefix, action) != null) {
                throw new IllegalStateException("button prefix registered twice: " + prefix);
            }
            return this;
        }

        public Builder waitingFor(String what, TextAction action) {
            waiting.put(what, action);
            return this;
        }

        public Builder plainText(TextAction action) {
            this.plainText = action;
            return this;
        }

        public Builder location(LocationAction action) {
            this.location = action;
            return this;
        }

        public Conversation build() {
            return new Conversation(this);
        }
    }
}
