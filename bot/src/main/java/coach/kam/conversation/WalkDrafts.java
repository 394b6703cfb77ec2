package coach.kam.conversation;

import coach.kam.conversation.buttons.SettingButtons;
import coach.kam.intent.Intent;
import coach.kam.intent.IntentReader;
import coach.kam.intent.Reading;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a walkthrough does with what the rep typed besides answers: /cancel keeps the answers so
 * far as a draft (the rep may throw it away, doing nothing keeps it, and the same command or
 * /resume goes on where it stopped), and a clear question to the coach is answered instead of
 * being taken as the step's answer.
 */
final class WalkDrafts {
    private static final String SUMMARY = "summary";

    static void register(ButtonPresses into, Map<String, DialogHandler> handlers) {
        into.add(SettingButtons.KEEP_DRAFT, (turn, p) -> answer(turn, p.run(), handlers, false));
        into.add(SettingButtons.DROP_DRAFT, (turn, p) -> answer(turn, p.run(), handlers, true));
    }

    private WalkDrafts() {
    }

    /**
     * Keeps a walkthrough with answers as a draft and asks whether to throw it away; false when
     * there is nothing to keep (no answers, a one-step question, or results already saved).
     */
    static boolean keep(Turn turn, Dialog d, DialogHandler handler) {
        if (!d.isWalkthrough() || SUMMARY.equals(d.step()) || d.answers().isEmpty()) {
            return false;
        }
        // old buttons of the step stop working; the draft waits for the command or /resume
        Dialog kept = d.bumped(turn.now()).withContext("phase", null).withContext("picked", null);
        Dialogs.put(turn.tx(), kept);
        if (d.id() == (turn.session().dialogId() == null ? -1 : turn.session().dialogId())) {
            turn.session(turn.session().withDialog(null));
        }
        turn.say(turn.t("walk.cancel.keep", handler.title(turn, d), d.answers().size(), "/" + d.flow()), List.of(List.of(
                SettingButtons.KEEP_DRAFT.button(turn.t("walk.btn.keep"), new SettingButtons.Draft(d.id())),
                SettingButtons.DROP_DRAFT.button(turn.t("walk.btn.discard"), new SettingButtons.Draft(d.id())))));
        return true;
    }

    /** "wkeep:<run>" keeps the draft (nothing changes), "wdrop:<run>" throws it away. */
    private static void answer(Turn turn, long run, Map<String, DialogHandler> handlers, boolean discard) {
        Optional<Dialog> d = Dialogs.get(turn.tx(), turn.userId(), run);
        if (d.isEmpty() || !d.get().isWalkthrough() || !handlers.containsKey(d.get().kind())) {
            turn.say(turn.t("walk.draft.gone"));
            return;
        }
        String title = handlers.get(d.get().kind()).title(turn, d.get());
        if (discard) {
            turn.endDialog(d.get());
            turn.say(turn.t("walk.draft.discarded", title));
        } else {
            turn.say(turn.t("walk.draft.kept", title, "/" + d.get().flow()));
        }
    }

    /** A clear question typed while a walkthrough step waits (not while it asks for a stance). */
    static boolean isQuestionToCoach(Dialog d, String text) {
        if (!d.isWalkthrough() || SUMMARY.equals(d.step()) || "stance".equals(d.context().get("phase"))) {
            return false;
        }
        Reading r = IntentReader.read(text);
        return r.intent() == Intent.QUESTION && r.sure();
    }
}
