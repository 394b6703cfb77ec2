package coach.kam.conversation;

import coach.kam.store.Store;
import coach.kam.store.Keys;
import coach.kam.store.Table;
import coach.kam.store.Tx;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The transport-agnostic core: handles an event as a turn inside one store transaction (its
 * session read and written back, a redelivered update ignored) and returns the replies. Where the
 * event goes, a command, a button, the answer the bot is waiting for or the plain-text default, is
 * {@link EventRoutes}; the handlers are small functions registered by name through the {@link Builder}.
 */
public final class Conversation {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Conversation.class);
    static final Table<Session> SESSIONS = Table.owned("sessions", Session.class);

    /** The tables kept here, for the program's catalogue ({@code coach.kam.Catalogue}). */
    public static final List<Table<?>> TABLES = List.of(SESSIONS);
    /**
     * Fault injection for the pipeline's tests: called with every event before its turn, and what
     * it throws is what the turn throws. Always null in the running bot.
     */
    public static volatile java.util.function.Consumer<Event> faultHook;
    private final Store store;
    private final Messages messages;
    private final Clock clock;
    private final EventRoutes routes;
    private final List<java.util.function.Consumer<String>> preparers;

    private Conversation(Builder b) {
        this.store = b.store;
        this.messages = b.messages;
        this.clock = b.clock;
        this.routes = new EventRoutes(b.handlers);
        this.preparers = List.copyOf(b.handlers.preparers);
    }

    public static Builder builder(Store store, Messages messages, Clock clock) {
        return new Builder(store, messages, clock);
    }

    public Messages messages() {
        return messages;
    }

    /** The store the conversation's turns run in, for adapters that run turns through the pipeline. */
    public Store store() {
        return store;
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
            } catch (Throwable e) {
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
     * together. The turn runs in a scope of {@code tx}: a turn that throws or must be redone leaves
     * nothing in it, and what it threw reaches the caller (the pipeline counts and contains it).
     * Deferred work is returned, to be run after the commit.
     */
    /** A rep's kept session (language, time zone), for work done outside a chat. */
    public static java.util.Optional<Session> storedSession(Tx tx, long userId) {
        return tx.get(SESSIONS, Keys.of(userId));
    }

    public Outcome handleIn(Tx tx, Event event) {
        if (event.updateId() != null && coach.kam.store.HandledUpdates.in(tx).isHandled(event.updateId())) {
            return Outcome.duplicate();
        }
        java.util.function.Consumer<Event> fault = faultHook;
        if (fault != null) {
            fault.accept(event);
        }
        Event clean = EventRoutes.withoutInvisibleText(event);
        Tx.Scope scope = tx.scope();
        String key = Keys.of(clean.userId());
        java.util.Optional<Session> stored = scope.get(SESSIONS, key);
        Session session = stored.orElseGet(
                () -> Session.fresh(clean.userId(), Messages.languageFor(clean.languageCode()), clock.instant()));
        Turn turn = new Turn(clean, scope, session, messages, clock);
        routes.dispatch(turn);
        turn.session(turn.session().seen(clock.instant()));
        if (turn.redo() != null) {
            return new Outcome(Kind.REDO, turn.replies(), List.of(), turn.redo());
        }
        // an unchanged session is not written again (most notes change nothing in it)
        if (stored.isEmpty() || !stored.get().equals(turn.session())) {
            scope.put(SESSIONS, key, turn.session());
        }
        scope.keep();
        if (event.updateId() != null) {
            coach.kam.store.HandledUpdates.in(tx).mark(event.updateId());
        }
        return new Outcome(Kind.DONE, turn.replies(), turn.deferred(), null);
    }

    /**
     * Slow work a turn on {@code text} will need, done beforehand outside any transaction (the
     * search's embeddings); it changes nothing and its failures are the turn's to meet.
     */
    public void prepare(String text, String languageCode) {
        if (text == null || text.isBlank() || CommandWords.isCommand(text.strip())) {
            return;
        }
        for (java.util.function.Consumer<String> p : preparers) {
            p.accept(text.strip());
        }
    }

    private Reply apology(Event event) {
        return Reply.of(messages.get(Messages.languageFor(event.languageCode()), "error.internal"));
    }

    /**
     * Runs scheduled work for one rep as a turn of its own inside the caller's transaction, so it
     * renders and waits for answers exactly as a command would; returns what it says.
     */
    public List<Reply> inTurn(coach.kam.store.Tx tx, long userId, java.util.function.Consumer<Turn> work) {
        String key = Long.toString(userId);
        Session session = tx.get(SESSIONS, key).orElseGet(() -> Session.fresh(userId, "zh", clock.instant()));
        Event scheduled = new Event(userId, userId, null, null, null, null, null);
        java.util.function.Consumer<Event> fault = faultHook;
        if (fault != null) {
            fault.accept(scheduled);
        }
        Turn turn = new Turn(scheduled, tx, session, messages, clock);
        work.accept(turn);
        tx.put(SESSIONS, key, turn.session());
        return turn.replies();
    }

    /** The language a user's session speaks, for adapters that answer outside a conversation turn. */
    public String languageOf(long userId, String fallbackCode) {
        return store.inTransaction(tx -> languageOf(tx, userId, fallbackCode));
    }

    /** As {@link #languageOf(long, String)}, inside the caller's transaction. */
    public String languageOf(Tx tx, long userId, String fallbackCode) {
        return tx.get(SESSIONS, Keys.of(userId)).map(Session::lang).orElse(Messages.languageFor(fallbackCode));
    }

    /** The handler of an open dialog, for /resume. */
    public Optional<DialogHandler> dialogHandler(String kind) {
        return routes.dialogs().handler(kind);
    }

    /** The prefixes of every button kind registered, for tests that press each with hostile data. */
    public Set<String> buttonPrefixes() {
        return routes.buttons().prefixes();
    }

    /** Collects the handlers; the capabilities register themselves here. */
    public static final class Builder {
        private final Store store;
        private final Messages messages;
        private final Clock clock;
        private final Handlers handlers = new Handlers();

        /** Slow, store-free work to do on typed text before its turn (see {@link Conversation#prepare}). */
        public Builder prepare(java.util.function.Consumer<String> preparer) {
            handlers.preparers.add(preparer);
            return this;
        }

        private Builder(Store store, Messages messages, Clock clock) {
            this.store = store;
            this.messages = messages;
            this.clock = clock;
        }

        public Builder command(String name, Command command) {
            handlers.command(name, command);
            return this;
        }

        /**
         * A button kind and what a press does with its decoded record. A kind that names an account
         * ({@link coach.kam.conversation.buttons.AccountRef}) takes a press from
         * {@link coach.kam.conversation.buttons.Owned}, which checks the account is the presser's first.
         */
        public <T> Builder button(coach.kam.conversation.buttons.Kind<T> kind, coach.kam.conversation.buttons.Press<T> action) {
            handlers.buttons.add(kind, action);
            return this;
        }

        /** A one-step question: the next typed line is the answer ({@link Turn#await}). */
        public Builder waitingFor(String kind, TextAction action) {
            return dialog(kind, new OneStepDialog(kind, action, null));
        }

        /** A one-step question answered by typing or by one of its buttons ({@link Turn#choice} with op "c"). */
        public Builder waitingFor(String kind, TextAction typed, PickAction picked) {
            return dialog(kind, new OneStepDialog(kind, typed, picked));
        }

        /** Plain text that {@code when} accepts goes to {@code action} instead of the plain-text default. */
        public Builder textRoute(java.util.function.Predicate<String> when, TextAction action) {
            handlers.textRoutes.put(when, action);
            return this;
        }

        public Builder dialog(String kind, DialogHandler handler) {
            handlers.dialog(kind, handler);
            return this;
        }

        public Builder plainText(TextAction action) {
            handlers.plainText = action;
            return this;
        }

        /** How a methodology question is answered when a walkthrough asks for it ({@link Turn#answerQuestion}). */
        public Builder questions(TextAction action) {
            handlers.questions = action;
            return this;
        }

        public Builder location(LocationAction action) {
            handlers.location = action;
            return this;
        }

        public Builder document(DocumentAction action) {
            handlers.document = action;
            return this;
        }

        public Conversation build() {
            return new Conversation(this);
        }
    }
}
