package coach.kam.conversation;

import coach.kam.text.Html;
import coach.kam.store.Store;
import coach.kam.store.Table;
import coach.kam.store.Tx;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The transport-agnostic core: routes an event to a command, a button action, the answer the
 * bot is waiting for, or the plain-text default, inside one store transaction, and returns the
 * replies. Handlers are small functions registered by name.
 */
public final class Conversation {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Conversation.class);
    static final Table<Session> SESSIONS = Table.of("sessions", Session.class);
    /**
     * Fault injection for the pipeline's tests: called with every event before its turn, and what
     * it throws is what the turn throws. Always null in the running bot.
     */
    public static volatile java.util.function.Consumer<Event> faultHook;
    private static final Set<String> DIALOG_COMMANDS = Set.of("back", "skip", "cancel");
    /** Commands that only look something up: they do not pause an open walkthrough. */
    private static final Set<String> LOOK_UPS = Set.of("o", "objection", "ask", "topics", "checklist", "brief", "help");

    private final Store store;
    private final Messages messages;
    private final Clock clock;
    private final Map<String, Command> commands;
    private final ButtonPresses buttons;
    private final Map<String, DialogHandler> dialogs;
    private final Map<java.util.function.Predicate<String>, TextAction> textRoutes;
    private final TextAction plainText;
    private final TextAction questions;
    private final LocationAction location;
    private final DocumentAction document;
    private final List<java.util.function.Consumer<String>> preparers;

    /** What a file sent to the chat does. */
    @FunctionalInterface
    public interface DocumentAction {
        void receive(Turn turn, Event.Attachment attachment);
    }

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
        this.dialogs = Map.copyOf(b.dialogs);
        ButtonPresses all = b.buttons.copy();
        WalkDrafts.register(all, dialogs);
        this.buttons = all;
        this.textRoutes = new LinkedHashMap<>(b.textRoutes);
        this.plainText = b.plainText;
        this.questions = b.questions;
        this.location = b.location;
        this.document = b.document;
        this.preparers = List.copyOf(b.preparers);
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
    public Outcome handleIn(Tx tx, Event event) {
        if (event.updateId() != null && coach.kam.store.HandledUpdates.in(tx).isHandled(event.updateId())) {
            return Outcome.duplicate();
        }
        java.util.function.Consumer<Event> fault = faultHook;
        if (fault != null) {
            fault.accept(event);
        }
        Event clean = withoutInvisibleText(event);
        Tx.Scope scope = tx.scope();
        String key = Long.toString(clean.userId());
        java.util.Optional<Session> stored = scope.get(SESSIONS, key);
        Session session = stored.orElseGet(
                () -> Session.fresh(clean.userId(), Messages.languageFor(clean.languageCode()), clock.instant()));
        Turn turn = new Turn(clean, scope, session, messages, clock);
        dispatch(turn);
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
                event.languageCode(), event.attachment());
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
        return tx.get(SESSIONS, Long.toString(userId)).map(Session::lang).orElse(Messages.languageFor(fallbackCode));
    }

    private void dispatch(Turn turn) {
        turn.onPlainText(this::plainText);
        Event e = turn.event();
        if (e.buttonData() != null) {
            if (DialogButton.isDialogData(e.buttonData())) {
                pressDialogButton(turn, e.buttonData());
            } else {
                suspendDialog(turn);
                pressButton(turn, e.buttonData());
            }
        } else if (e.attachment() != null && (e.text() == null || !e.text().strip().startsWith("/"))) {
            suspendDialog(turn);
            document.receive(turn, e.attachment());
        } else if (e.location() != null) {
            suspendDialog(turn);
            location.share(turn, e.location());
        } else if (e.text() != null && !e.text().isBlank()) {
            typed(turn, e.text().strip());
        } else {
            turn.say(turn.t(e.text() != null ? "empty.message" : "unsupported.message"));
        }
    }

    private void typed(Turn turn, String text) {
        if (CommandWords.invisibleOnly(text)) {
            turn.say(turn.t("empty.message"));
            return;
        }
        if (CommandWords.isCommand(text)) {
            runCommand(turn, text);
            return;
        }
        Optional<Dialog> open = turn.dialog();
        if (open.isPresent() && dialogs.containsKey(open.get().kind())) {
            if (WalkDrafts.isQuestionToCoach(open.get(), text)) {
                // "他们怎么采购" in the middle of a walkthrough is a question, not the answer: answer it, ask the step again
                questions.answer(turn, text, null);
                turn.say(turn.t("walk.question.answered"));
                dialogs.get(open.get().kind()).resume(turn, open.get());
                return;
            }
            dialogs.get(open.get().kind()).text(turn, open.get(), text);
        } else {
            turn.session(turn.session().withDialog(null));
            plainText(turn, text);
        }
    }

    private void plainText(Turn turn, String text) {
        TextAction route = textRoutes.entrySet().stream().filter(r -> r.getKey().test(text))
                .map(Map.Entry::getValue).findFirst().orElse(plainText);
        route.answer(turn, text, null);
    }

    /**
     * A typed command: "/o 太贵了", "/o太贵了" (the longest known command word that the text starts
     * with), "／help" (full-width slash), "/o@bot ...". An unknown word gets the nearest command
     * as a suggestion. Arguments of only white space or zero-width characters count as none.
     */
    private void runCommand(Turn turn, String text) {
        CommandWords.Parsed parsed = CommandWords.parse(text, commands.keySet());
        // "/acc north" runs /account: a typed word that begins one command (or one and its longer forms)
        String name = commands.containsKey(parsed.name()) ? parsed.name()
                : CommandWords.completion(parsed.name(), commands.keySet()).orElse(parsed.name());
        String args = parsed.args();
        if (DIALOG_COMMANDS.contains(name) && controlDialog(turn, name)) {
            return;
        }
        Command command = commands.get(name);
        if (command == null) {
            String typedWord = Html.escape(Html.shorten(parsed.word(), 32));
            turn.say(CommandWords.nearest(name, commands.keySet())
                    .map(near -> turn.t("command.unknown.suggest", typedWord, near))
                    .orElseGet(() -> turn.t("command.unknown", typedWord)));
            return;
        }
        Optional<Dialog> walk = turn.dialog().filter(Dialog::isWalkthrough);
        if (walk.isPresent() && LOOK_UPS.contains(name)) {
            // a look-up in the middle of a walkthrough: the walkthrough stays open, so the next line answers it
            command.run(turn, args);
            if (walk.get().id() == (turn.session().dialogId() == null ? -1 : turn.session().dialogId())) {
                DialogHandler handler = dialogs.get(walk.get().kind());
                turn.say(turn.t("walk.still.open", handler.title(turn, walk.get())));
                handler.resume(turn, walk.get());
            }
            return;
        }
        suspendDialog(turn);
        command.run(turn, args);
    }

    /** /back, /skip and /cancel act on the open dialog when there is one; false when there is none. */
    private boolean controlDialog(Turn turn, String name) {
        Optional<Dialog> open = turn.dialog();
        if (open.isEmpty() || !dialogs.containsKey(open.get().kind())) {
            return false;
        }
        DialogHandler handler = dialogs.get(open.get().kind());
        switch (name) {
            case "back" -> handler.back(turn, open.get());
            case "skip" -> handler.skip(turn, open.get());
            default -> cancel(turn, open.get(), handler);
        }
        return true;
    }

    /** A walkthrough with answers is kept as a draft (and the rep asked); anything else ends. */
    private void cancel(Turn turn, Dialog open, DialogHandler handler) {
        if (!WalkDrafts.keep(turn, open, handler)) {
            handler.cancel(turn, open);
        }
    }

    /**
     * Another command or button leaves the open dialog: a walkthrough waits for /resume, a
     * one-step question is dropped (its answer would make no sense later).
     */
    private void suspendDialog(Turn turn) {
        Optional<Dialog> open = turn.dialog();
        turn.session(turn.session().withDialog(null));
        if (open.isPresent() && (!dialogs.containsKey(open.get().kind()) || !dialogs.get(open.get().kind()).resumable())) {
            Dialogs.delete(turn.tx(), open.get());
        }
    }

    private void pressDialogButton(Turn turn, String data) {
        Optional<DialogButton> pressed = DialogButton.decode(data);
        Optional<Dialog> dialog = pressed.flatMap(p -> Dialogs.get(turn.tx(), turn.userId(), p.run()));
        if (dialog.isEmpty() || !dialogs.containsKey(dialog.get().kind()) || !dialog.get().current(pressed.get().seq())) {
            turn.say(turn.t(pressed.isEmpty() ? "button.unknown" : "dialog.moved.on"));
            return;
        }
        Long active = turn.session().dialogId();
        if (active != null && active != dialog.get().id()) {
            suspendDialog(turn);
        }
        turn.session(turn.session().withDialog(dialog.get().id()));
        if ("x".equals(pressed.get().op())) {
            cancel(turn, dialog.get(), dialogs.get(dialog.get().kind()));
            return;
        }
        dialogs.get(dialog.get().kind()).press(turn, dialog.get(), pressed.get());
    }

    /** The handler of an open dialog, for /resume. */
    public Optional<DialogHandler> dialogHandler(String kind) {
        return Optional.ofNullable(dialogs.get(kind));
    }

    private void pressButton(Turn turn, String data) {
        buttons.press(turn, data);
    }

    /** The prefixes of every button kind registered, for tests that press each with hostile data. */
    public Set<String> buttonPrefixes() {
        return buttons.prefixes();
    }

    /** Collects the handlers; the capabilities register themselves here. */
    public static final class Builder {
        private final Store store;
        private final Messages messages;
        private final Clock clock;
        private final Map<String, Command> commands = new LinkedHashMap<>();
        private final ButtonPresses buttons = new ButtonPresses();
        private final Map<String, DialogHandler> dialogs = new HashMap<>();
        private final Map<java.util.function.Predicate<String>, TextAction> textRoutes = new LinkedHashMap<>();
        private TextAction plainText = (turn, text, arg) -> turn.say(turn.t("help.short"));
        private TextAction questions = (turn, text, arg) -> turn.say(turn.t("help.short"));
        private LocationAction location = (turn, loc) -> turn.say(turn.t("unsupported.message"));
        private DocumentAction document = (turn, file) -> turn.say(turn.t("unsupported.message"));
        private final List<java.util.function.Consumer<String>> preparers = new java.util.ArrayList<>();

        /** Slow, store-free work to do on typed text before its turn (see {@link Conversation#prepare}). */
        public Builder prepare(java.util.function.Consumer<String> preparer) {
            preparers.add(preparer);
            return this;
        }

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

        /**
         * A button kind and what a press does with its decoded record. A kind that names an account
         * ({@link coach.kam.conversation.buttons.AccountRef}) takes a press from
         * {@link coach.kam.conversation.buttons.Owned}, which checks the account is the presser's first.
         */
        public <T> Builder button(coach.kam.conversation.buttons.Kind<T> kind, coach.kam.conversation.buttons.Press<T> action) {
            buttons.add(kind, action);
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
            textRoutes.put(when, action);
            return this;
        }

        public Builder dialog(String kind, DialogHandler handler) {
            if (dialogs.putIfAbsent(kind, handler) != null) {
                throw new IllegalStateException("dialog registered twice: " + kind);
            }
            return this;
        }

        public Builder plainText(TextAction action) {
            this.plainText = action;
            return this;
        }

        /** How a methodology question is answered when a walkthrough asks for it ({@link Turn#answerQuestion}). */
        public Builder questions(TextAction action) {
            this.questions = action;
            return this;
        }

        public Builder location(LocationAction action) {
            this.location = action;
            return this;
        }

        public Builder document(DocumentAction action) {
            this.document = action;
            return this;
        }

        public Conversation build() {
            return new Conversation(this);
        }
    }
}
