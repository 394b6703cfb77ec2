package coach.kam.conversation.commands;

import coach.kam.accounts.Account;
import coach.kam.accounts.Accounts;
import coach.kam.accounts.ChecklistProgress;
import coach.kam.knowledge.KnowledgeBase;
import coach.kam.accounts.Note;
import coach.kam.conversation.Conversation;
import coach.kam.conversation.Html;
import coach.kam.conversation.Turn;
import java.util.List;

/** /brief: what to know before walking into the customer: notes, last visit, objections met. */
public final class BriefCommands {
    private final Accounts accounts;
    private final AccountPicker picker;
    private final KnowledgeBase knowledge;
    private final ChecklistProgress progress = new ChecklistProgress();

    public BriefCommands(Accounts accounts, KnowledgeBase knowledge) {
        this.accounts = accounts;
        this.picker = new AccountPicker(accounts);
        this.knowledge = knowledge;
    }

    public void register(Conversation.Builder b) {
        b.command("brief", (turn, args) -> picker.pick(turn, args.isBlank() ? picker.openName(turn) : args, "brief", this::brief));
        b.button("brief", (turn, args) -> picker.fromButton(turn, args).ifPresent(a -> brief(turn, a)));
    }

    private void brief(Turn turn, Account account) {
        List<Note> notes = accounts.notes(turn.tx(), account);
        StringBuilder out = new StringBuilder(turn.t("brief.title", Html.escape(account.name()))).append('\n');
        long plain = notes.stream().filter(n -> n.kind() == Note.Kind.NOTE).count();
        List<Note> visits = notes.stream().filter(n -> n.kind() == Note.Kind.VISIT).toList();
        List<Note> objections = notes.stream().filter(n -> n.kind() == Note.Kind.OBJECTION).toList();
        out.append(turn.t("brief.counts", plain, visits.size(), objections.size())).append('\n');
        out.append(visits.isEmpty() ? turn.t("brief.no.visit")
                : turn.t("brief.last.visit", turn.formatTime(visits.get(0).at()))).append('\n');
        if (!objections.isEmpty()) {
            out.append('\n').append(turn.t("brief.objections")).append('\n');
            objections.stream().limit(5).forEach(n -> out.append(AccountCommands.noteLine(turn, n, 120)).append('\n'));
        }
        for (ChecklistProgress.Ticks t : progress.all(turn.tx(), account)) {
            knowledge.checklist(t.checklistId()).ifPresent(c -> out.append(turn.t("brief.checklist",
                    Html.escape(c.title(turn.lang())), t.done().size(), c.itemCount())).append('\n'));
        }
        List<Note> recent = notes.stream().filter(n -> n.kind() == Note.Kind.NOTE).limit(5).toList();
        if (!recent.isEmpty()) {
            out.append('\n').append(turn.t("card.recent")).append('\n');
            recent.forEach(n -> out.append(AccountCommands.noteLine(turn, n, 200)).append('\n'));
        }
        turn.say(out.toString().strip());
    }
}
