package coach.kam.conversation;

import coach.kam.store.Store;
import coach.kam.store.Table;
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
    private static final Set<String> DIALOG_COMMANDS = Set.of("back", "skip", "cancel");

    private final Store store;
    private final Messages messages;
    private final Clock clock;
    private final Map<String, Command> commands;
    private final Map<String, ButtonAction> buttons;
    private final Map<String, DialogHandler> dialogs;
    private final TextAction plainText;
    private final LocationAction location;
    private final Outbox outbox;

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
        this.dialogs = Map.copyOf(b.dialogs);
        this.plainText = b.plainText;
        this.location = b.location;
        this.outbox = new Outbox(b.store);
    }

    public static Builder builder(Store store, Messages messages, Clock clock) {
        return new Builder(store, messages, clock);
    }

    public Messages messages() {
        return messages;
    }

    /** Replies of redeliverable updates, kept until the adapter says they were sent. */
    public Outbox outbox() {
        return outbox;
    }

    /** Handles one event and returns all its replies, deferred ones included. */
    public List<Reply> handle(Event event) {
        List<Reply> all = new java.util.ArrayList<>();
        handle(event, all::addAll);
        return all;
    }

    /**
     * Handles one event: the immediate replies go to {@code send} as soon as the transaction
     * commits, then the replies of any deferred work, each as it completes. A redelivered event
     * (same update id) changes nothing and sends nothing.
     */
    public void handle(Event event, java.util.function.Consumer<List<Reply>> send) {
        Turn done;
        try {
            done = run(event);
        } catch (RuntimeException e) {
            // The transaction rolled back, so nothing half-done was kept; say so rather than go quiet.
            LOG.error("event from user {} failed", event.userId(), e);
            send.accept(List.of(Reply.of(messages.get(Messages.languageFor(event.languageCode()), "error.internal"))));
            return;
        }
        if (done == null) {
            return;
        }
        if (!done.replies().isEmpty()) {
            send.accept(done.replies());
        }
        for (var work : done.deferred()) {
            List<Reply> replies = work.get();
            if (!replies.isEmpty()) {
                send.accept(replies);
            }
        }
        if (done.redo() != null) {
            done.redo().run();
            handle(new Event(event.userId(), event.chatId(), null, event.text(), event.buttonData(),
                    event.location(), event.languageCode()), send);
        }
    }

    /** Runs one event in a transaction; null when its update was handled before. */
    private Turn run(Event event) {
        return store.inTransaction(tx -> {
            if (event.updateId() != null && !tx.markUpdateHandled(event.updateId())) {
                return null;
            }
            String key = Long.toString(event.userId());
            Session session = tx.get(SESSIONS, key).orElseGet(
                    () -> Session.fresh(event.userId(), Messages.languageFor(event.languageCode()), clock.instant()));
            Turn turn = new Turn(event, tx, session, messages, clock);
            dispatch(turn);
            tx.put(SESSIONS, key, turn.session());
            if (event.updateId() != null && !turn.replies().isEmpty()) {
                outbox.put(tx, new Outbox.Entry(event.updateId(), event.chatId(), turn.replies()));
            }
            return turn;
        });
    }

    /** The language a user's session speaks, for adapters that answer outside a conversation turn. */
    public String languageOf(long userId, String fallbackCode) {
        return store.inTransaction(tx -> tx.get(SESSIONS, Long.toString(userId)).map(Session::lang))
                .orElse(Messages.languageFor(fallbackCode));
    }

    private void dispatch(Turn turn) {
        Event e = turn.event();
        if (e.buttonData() != null) {
            if (DialogButton.isDialogData(e.buttonData())) {
                pressDialogButton(turn, e.buttonData());
            } else {
                suspendDialog(turn);
                pressButton(turn, e.buttonData());
            }
        } else if (e.location() != null) {
            suspendDialog(turn);
            location.share(turn, e.location());
        } else if (e.text() != null && !e.text().isBlank()) {
            typed(turn, e.text().strip());
        } else {
            turn.say(turn.t("unsupported.message"));
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
            dialogs.get(open.get().kind()).text(turn, open.get(), text);
        } else {
            turn.session(turn.session().withDialog(null));
            plainText.answer(turn, text, null);
        }
    }

    /**
     * A typed command: "/o 太贵了", "/o太贵了" (the longest known command word that the text starts
     * with), "／help" (full-width slash), "/o@bot ...". An unknown word gets the nearest command
     * as a suggestion. Arguments of only white space or zero-width characters count as none.
     */
    private void runCommand(Turn turn, String text) {
        CommandWords.Parsed parsed = CommandWords.parse(text, commands.keySet());
        String name = parsed.name();
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
            default -> {
                turn.endDialog(open.get());
                turn.say(turn.t("dialog.cancelled", handler.title(turn, open.get())));
            }
        }
        return true;
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
        dialogs.get(dialog.get().kind()).press(turn, dialog.get(), pressed.get());
    }

    /** The handler of an open dialog, for /resume. */
    public Optional<DialogHandler> dialogHandler(String kind) {
        return Optional.ofNullable(dialogs.get(kind));
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

    /** Collects the handlers; the capabilities register themselves here. */
    public static final class Builder {
        private final Store store;
        private final Messages messages;
        private final Clock clock;
        private final Map<String, Command> commands = new LinkedHashMap<>();
        private final Map<String, ButtonAction> buttons = new HashMap<>();
        private final Map<String, DialogHandler> dialogs = new HashMap<>();
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

        /** A one-step question: the next typed line is the answer ({@link Turn#await}). */
        public Builder waitingFor(String kind, TextAction action) {
            return dialog(kind, new OneStepDialog(kind, action, null));
        }

        /** A one-step question answered by typing or by one of its buttons ({@link Turn#choice} with op "c"). */
        public Builder waitingFor(String kind, TextAction typed, PickAction picked) {
            return dialog(kind, new OneStepDialog(kind, typed, picked));
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

        public Builder location(LocationAction action) {
            this.location = action;
            return this;
        }

        public Conversation build() {
            return new Conversation(this);
        }
    }
}
