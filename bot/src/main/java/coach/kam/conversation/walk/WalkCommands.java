package coach.kam.conversation.walk;

import coach.kam.accounts.Account;
import coach.kam.accounts.Accounts;
import coach.kam.conversation.Button;
import coach.kam.conversation.Conversation;
import coach.kam.conversation.Dialog;
import coach.kam.conversation.Dialogs;
import coach.kam.conversation.Turn;
import coach.kam.conversation.buttons.Owned;
import coach.kam.conversation.buttons.WalkButtons;
import coach.kam.flows.Walkthrough;
import coach.kam.knowledge.Flow;
import coach.kam.knowledge.KnowledgeBase;
import coach.kam.text.Html;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * /profile, /needs, /evaluate, /classify start a walkthrough on an account; /resume and the
 * "continue" buttons pick an unfinished one up, days later and after restarts.
 */
public final class WalkCommands {
    /** Command name to flow id. */
    public static final List<String> FLOWS = List.of("profile", "needs", "evaluate", "classify");
    private final KnowledgeBase knowledge;
    private final Accounts accounts;
    private final Owned owned;
    private final WalkDialog walkthrough;

    public WalkCommands(KnowledgeBase knowledge, Accounts accounts, WalkDialog walkthrough) {
        this.knowledge = knowledge;
        this.accounts = accounts;
        this.owned = new Owned(accounts);
        this.walkthrough = walkthrough;
    }

    public void register(Conversation.Builder b) {
        b.dialog(Walkthrough.KIND, walkthrough);
        for (String flowId : FLOWS) {
            b.command(flowId, (turn, args) -> command(turn, flowId, args));
        }
        b.button(WalkButtons.START, owned.account(this::pressed));
        b.command("resume", (turn, args) -> resumeCommand(turn));
        b.button(WalkButtons.RESUME, this::resumeRun);
    }

    private void command(Turn turn, String flowId, String args) {
        Optional<Flow> flow = knowledge.flow(flowId);
        if (flow.isEmpty()) {
            turn.say(turn.t("walk.gone"));
            return;
        }
        List<Account> candidates;
        if (args.isBlank()) {
            Optional<Account> open = openAccount(turn);
            if (open.isPresent()) {
                walkthrough.start(turn, flow.get(), open.get());
                return;
            }
            candidates = accounts.list(turn.tx(), turn.userId());
        } else {
            candidates = accounts.find(turn.tx(), turn.userId(), args);
            if (candidates.size() == 1) {
                walkthrough.start(turn, flow.get(), candidates.get(0));
                return;
            }
        }
        if (candidates.isEmpty()) {
            turn.say(args.isBlank() ? turn.t("accounts.none") : turn.t("accounts.nomatch", Html.escape(args)));
            return;
        }
        List<List<Button>> rows = new ArrayList<>();
        for (Account a : candidates.subList(0, Math.min(20, candidates.size()))) {
            rows.add(List.of(WalkButtons.START.button(a.name(), new WalkButtons.Start(flowId, a.id()))));
        }
        turn.say(turn.t("walk.which.account", Html.escape(flow.get().title().in(turn.lang()))), rows);
    }

    private void pressed(Turn turn, WalkButtons.Start pressed, Account account) {
        knowledge.flow(pressed.flowId()).ifPresentOrElse(flow -> walkthrough.start(turn, flow, account),
                () -> turn.say(turn.t("walk.gone")));
    }

    private void resumeCommand(Turn turn) {
        List<Dialog> open = Dialogs.of(turn.tx(), turn.userId()).stream().filter(Dialog::isWalkthrough).toList();
        if (open.isEmpty()) {
            turn.say(turn.t("walk.resume.none"));
            return;
        }
        if (open.size() == 1) {
            walkthrough.resume(turn, turn.open(open.get(0)));
            return;
        }
        List<List<Button>> rows = new ArrayList<>();
        for (Dialog d : open.subList(0, Math.min(10, open.size()))) {
            rows.add(List.of(resumeButton(turn, d)));
        }
        turn.say(turn.t("walk.resume.which"), rows);
    }

    /** A button that continues this run, labelled with what it is. */
    public Button resumeButton(Turn turn, Dialog d) {
        return WalkButtons.RESUME.button("▶ " + Html.toPlain(walkthrough.title(turn, d)), new WalkButtons.Resume(d.id()));
    }

    /** The "continue where you left off" buttons of the rep's unfinished walkthroughs, newest first. */
    public List<List<Button>> resumeButtons(Turn turn, Long accountId, int max) {
        List<List<Button>> rows = new ArrayList<>();
        Dialogs.of(turn.tx(), turn.userId()).stream().filter(Dialog::isWalkthrough)
                .filter(d -> accountId == null || accountId.equals(d.accountId())).limit(max)
                .forEach(d -> rows.add(List.of(resumeButton(turn, d))));
        return rows;
    }

    private void resumeRun(Turn turn, WalkButtons.Resume pressed) {
        Optional<Dialog> d = Dialogs.get(turn.tx(), turn.userId(), pressed.run());
        if (d.isEmpty()) {
            turn.say(turn.t("dialog.moved.on"));
            return;
        }
        walkthrough.resume(turn, turn.open(d.get()));
    }

    private Optional<Account> openAccount(Turn turn) {
        Long id = turn.session().openAccountId();
        return id == null ? Optional.empty() : accounts.get(turn.tx(), turn.userId(), id);
    }
}
