package coach.kam.conversation;

import java.util.Map;
import java.util.Optional;

/**
 * The dialogs a conversation knows, by kind, and what reaches the open one: a typed answer,
 * /back, /skip and /cancel, a press on one of its buttons ({@code d:<run>:<move>:<op>}), and the
 * suspension when another command or button leaves it.
 */
final class DialogRoutes {
    private final Map<String, DialogHandler> dialogs;

    DialogRoutes(Map<String, DialogHandler> dialogs) {
        this.dialogs = Map.copyOf(dialogs);
    }

    Map<String, DialogHandler> handlers() {
        return dialogs;
    }

    /** The handler of a dialog kind. */
    Optional<DialogHandler> handler(String kind) {
        return Optional.ofNullable(dialogs.get(kind));
    }

    /** The session's open dialog, when a handler of its kind is registered. */
    Optional<Dialog> open(Turn turn) {
        return turn.dialog().filter(d -> dialogs.containsKey(d.kind()));
    }

    /**
     * A line typed while a dialog waits: a clear question to the coach in the middle of a
     * walkthrough ("他们怎么采购") is answered and the step asked again; anything else is the answer.
     */
    void typed(Turn turn, Dialog open, String text, TextAction questions) {
        DialogHandler handler = dialogs.get(open.kind());
        if (WalkDrafts.isQuestionToCoach(open, text)) {
            questions.answer(turn, text, null);
            turn.say(turn.t("walk.question.answered"));
            handler.resume(turn, open);
            return;
        }
        handler.text(turn, open, text);
    }

    /** /back, /skip and /cancel act on the open dialog when there is one; false when there is none. */
    boolean control(Turn turn, String name) {
        Optional<Dialog> open = open(turn);
        if (open.isEmpty()) {
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
    private static void cancel(Turn turn, Dialog open, DialogHandler handler) {
        if (!WalkDrafts.keep(turn, open, handler)) {
            handler.cancel(turn, open);
        }
    }

    /**
     * Another command or button leaves the open dialog: a walkthrough waits for /resume, a
     * one-step question is dropped (its answer would make no sense later).
     */
    void suspend(Turn turn) {
        Optional<Dialog> open = turn.dialog();
        turn.session(turn.session().withDialog(null));
        if (open.isPresent() && (!dialogs.containsKey(open.get().kind()) || !dialogs.get(open.get().kind()).resumable())) {
            Dialogs.delete(turn.tx(), open.get());
        }
    }

    /** A press on a dialog's button: only the current move of the presser's own run counts. */
    void press(Turn turn, String data) {
        Optional<DialogButton> pressed = DialogButton.decode(data);
        Optional<Dialog> dialog = pressed.flatMap(p -> Dialogs.get(turn.tx(), turn.userId(), p.run()));
        if (dialog.isEmpty() || !dialogs.containsKey(dialog.get().kind()) || !dialog.get().current(pressed.get().seq())) {
            turn.say(turn.t(pressed.isEmpty() ? "button.unknown" : "dialog.moved.on"));
            return;
        }
        Long active = turn.session().dialogId();
        if (active != null && active != dialog.get().id()) {
            suspend(turn);
        }
        turn.session(turn.session().withDialog(dialog.get().id()));
        if ("x".equals(pressed.get().op())) {
            cancel(turn, dialog.get(), dialogs.get(dialog.get().kind()));
            return;
        }
        dialogs.get(dialog.get().kind()).press(turn, dialog.get(), pressed.get());
    }
}
