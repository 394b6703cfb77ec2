package coach.kam.conversation;

/**
 * A one-step question on the dialog engine: the next typed line (or a press of one of its buttons)
 * is the answer. It ends before the action runs, so an action that wants to ask again calls
 * {@link Turn#await} once more.
 */
final class OneStepDialog implements DialogHandler {
    private final String kind;
    private final TextAction text;
    private final PickAction pick;

    OneStepDialog(String kind, TextAction text, PickAction pick) {
        this.kind = kind;
        this.text = text;
        this.pick = pick;
    }

    @Override
    public void text(Turn turn, Dialog dialog, String typed) {
        turn.endDialog(dialog);
        if (text == null) {
            turn.say(turn.t("dialog.use.buttons"));
            turn.open(dialog);
            return;
        }
        text.answer(turn, typed, dialog.arg());
    }

    @Override
    public void press(Turn turn, Dialog dialog, DialogButton pressed) {
        if ("x".equals(pressed.op())) {
            cancel(turn, dialog);
            return;
        }
        if (pick == null || !"c".equals(pressed.op()) || pressed.arg() == null) {
            turn.say(turn.t("button.unknown"));
            return;
        }
        turn.endDialog(dialog);
        pick.pick(turn, pressed.arg(), dialog.arg());
    }

    @Override
    public void back(Turn turn, Dialog dialog) {
        cancel(turn, dialog);
    }

    @Override
    public void skip(Turn turn, Dialog dialog) {
        cancel(turn, dialog);
    }

    @Override
    public void cancel(Turn turn, Dialog dialog) {
        turn.endDialog(dialog);
        turn.say(turn.t("cancel.done"));
    }

    @Override
    public void resume(Turn turn, Dialog dialog) {
        turn.say(turn.t("dialog.waiting." + kind));
    }

    @Override
    public String title(Turn turn, Dialog dialog) {
        return kind;
    }

    @Override
    public boolean resumable() {
        return false;
    }
}
