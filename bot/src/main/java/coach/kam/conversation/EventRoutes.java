package coach.kam.conversation;

import coach.kam.text.Html;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Where one event goes inside its turn: a button press to its kind (or to the dialog whose button
 * it is), a file, a location, a typed command, the answer an open dialog waits for, or plain text
 * to the first text route that accepts it, else the plain-text default.
 */
final class EventRoutes {
    private static final Set<String> DIALOG_COMMANDS = Set.of("back", "skip", "cancel");
    /** Commands that only look something up: they do not pause an open walkthrough. */
    private static final Set<String> LOOK_UPS = Set.of("o", "objection", "ask", "topics", "checklist", "brief", "help");

    private final Map<String, Command> commands;
    private final ButtonPresses buttons;
    private final DialogRoutes dialogs;
    private final Map<Predicate<String>, TextAction> textRoutes;
    private final TextAction plainText;
    private final TextAction questions;
    private final LocationAction location;
    private final DocumentAction document;

    EventRoutes(Handlers registered) {
        this.commands = Map.copyOf(registered.commands);
        this.dialogs = new DialogRoutes(registered.dialogs);
        ButtonPresses all = registered.buttons.copy();
        WalkDrafts.register(all, dialogs.handlers());
        this.buttons = all;
        this.textRoutes = new LinkedHashMap<>(registered.textRoutes);
        this.plainText = registered.plainText;
        this.questions = registered.questions;
        this.location = registered.location;
        this.document = registered.document;
    }

    DialogRoutes dialogs() {
        return dialogs;
    }

    ButtonPresses buttons() {
        return buttons;
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

    void dispatch(Turn turn) {
        turn.onPlainText(this::plainText);
        Event e = turn.event();
        if (e.buttonData() != null) {
            if (DialogButton.isDialogData(e.buttonData())) {
                dialogs.press(turn, e.buttonData());
            } else {
                dialogs.suspend(turn);
                buttons.press(turn, e.buttonData());
            }
        } else if (e.attachment() != null && (e.text() == null || !e.text().strip().startsWith("/"))) {
            dialogs.suspend(turn);
            document.receive(turn, e.attachment());
        } else if (e.location() != null) {
            dialogs.suspend(turn);
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
        Optional<Dialog> open = dialogs.open(turn);
        if (open.isPresent()) {
            dialogs.typed(turn, open.get(), text, questions);
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
        if (DIALOG_COMMANDS.contains(name) && dialogs.control(turn, name)) {
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
                DialogHandler handler = dialogs.handler(walk.get().kind()).orElseThrow();
                turn.say(turn.t("walk.still.open", handler.title(turn, walk.get())));
                handler.resume(turn, walk.get());
            }
            return;
        }
        dialogs.suspend(turn);
        command.run(turn, args);
    }
}
