package coach.kam.conversation.commands;

import coach.kam.conversation.Conversation;
import coach.kam.text.Html;
import coach.kam.conversation.Reply;
import coach.kam.conversation.Turn;
import coach.kam.quarantine.Desk;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * /quarantine for admins: list, show, retry and drop what was set aside, as on the command line.
 * The desk runs after the turn's commit (it opens transactions of its own).
 */
public final class QuarantineCommands {
    private static final int SHOWN = 3_500;
    private final Set<Long> admins;
    private final AtomicReference<Desk> desk;

    /** {@code desk} is set once the pipeline runs; until then the command says it is not available. */
    public QuarantineCommands(Set<Long> admins, AtomicReference<Desk> desk) {
        this.admins = admins;
        this.desk = desk;
    }

    public void register(Conversation.Builder b) {
        b.command("quarantine", this::quarantine);
    }

    private void quarantine(Turn turn, String args) {
        if (!admins.contains(turn.userId())) {
            turn.say(turn.t("quarantine.admins.only"));
            return;
        }
        Desk d = desk.get();
        if (d == null) {
            turn.say(turn.t("quarantine.unavailable"));
            return;
        }
        turn.later(() -> {
            Desk.Answer a = d.run(args);
            String text = a.text().length() > SHOWN ? a.text().substring(0, SHOWN) + "\n…" : a.text();
            return List.of(Reply.of("<pre>" + Html.escape(text) + "</pre>"));
        });
    }
}
