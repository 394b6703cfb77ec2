package coach.kam.conversation;

/**
 * What a kind of dialog does with the rep's input while it is the open one. The dialog is already
 * the session's open dialog when a method is called; the handler saves its next state with
 * {@link Turn#save(Dialog)} or ends it with {@link Turn#endDialog(Dialog)}.
 */
public interface DialogHandler {

    void text(Turn turn, Dialog dialog, String text);

    /** A press on one of this dialog's current buttons. */
    void press(Turn turn, Dialog dialog, DialogButton pressed);

    /** /back: the previous step. */
    void back(Turn turn, Dialog dialog);

    /** /skip: leave this step unanswered and go on. */
    void skip(Turn turn, Dialog dialog);

    /**
     * /cancel (or the step's cancel button): by default the dialog ends; a walkthrough with answers
     * keeps them as a draft and asks whether to throw them away instead.
     */
    default void cancel(Turn turn, Dialog dialog) {
        turn.endDialog(dialog);
        turn.say(resumable() ? turn.t("dialog.cancelled", title(turn, dialog)) : turn.t("cancel.done"));
    }

    /** Shows the current step again, after a suspension or a restart. */
    void resume(Turn turn, Dialog dialog);

    /** A short name of what is under way, for /cancel and /resume ("客户画像 · 华东医药"). */
    String title(Turn turn, Dialog dialog);

    /** Whether another command may suspend it for a later /resume (a one-step question is dropped instead). */
    boolean resumable();
}
