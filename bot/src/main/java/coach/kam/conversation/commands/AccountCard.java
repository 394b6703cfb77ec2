package coach.kam.conversation.commands;

import coach.kam.accounts.Account;
import coach.kam.accounts.Accounts;
import coach.kam.accounts.Note;
import coach.kam.conversation.Button;
import coach.kam.conversation.buttons.AccountButtons;
import coach.kam.conversation.buttons.PlanButtons;
import coach.kam.conversation.buttons.WalkButtons;
import coach.kam.conversation.Dialog;
import coach.kam.text.Html;
import coach.kam.conversation.Turn;
import coach.kam.knowledge.KnowledgeBase;
import java.util.ArrayList;
import java.util.List;

/** The short view of one account that opens it, and its buttons. */
public final class AccountCard {
    private static final int RECENT = 3;
    /** The newest notes a card or a brief reads for its lists (objections met, recent lines). */
    static final int WINDOW = 50;
    private final Accounts accounts;
    private final AccountOverview overview;
    private final KnowledgeBase knowledge;

    private static final int DEALS = 3;
    private AccountDeals deals;

    /** Shows the account's open deals on the card. */
    public AccountCard withDeals(AccountDeals d) {
        this.deals = d;
        return this;
    }

    private CoursePlanCommands coursePlan;

    /** Shows where the account stands in the after-course plan. */
    public AccountCard withCoursePlan(CoursePlanCommands c) {
        this.coursePlan = c;
        return this;
    }

    public AccountCard(Accounts accounts, AccountOverview overview, KnowledgeBase knowledge) {
        this.accounts = accounts;
        this.overview = overview;
        this.knowledge = knowledge;
    }

    String render(Turn turn, Account account) {
        // the newest notes only: a card costs the same with 100 notes or 100,000
        List<Note> notes = accounts.recentNotes(turn.tx(), account, 0, WINDOW);
        StringBuilder out = new StringBuilder();
        out.append(turn.t("card.title", Html.escape(account.name()))).append('\n');
        out.append(turn.t("card.meta", turn.formatTime(account.createdAt()), accounts.noteCount(turn.tx(), account)))
                .append('\n');
        overview.tierLine(turn, account, false).ifPresent(l -> out.append(l).append('\n'));
        overview.classLine(turn, account).ifPresent(l -> out.append(l).append('\n'));
        overview.planLines(turn, account).forEach(l -> out.append("📋 ").append(l).append('\n'));
        if (coursePlan != null) {
            coursePlan.cardLine(turn, account).ifPresent(l -> out.append(l).append('\n'));
        }
        if (deals != null) {
            deals.lines(turn, account, DEALS).forEach(l -> out.append(l).append('\n'));
        }
        List<String> objections = notes.stream().filter(n -> n.kind() == Note.Kind.OBJECTION)
                .map(n -> ObjectionTitles.title(knowledge, n.objectionId(), turn.lang())).distinct().toList();
        if (!objections.isEmpty()) {
            out.append(turn.t("card.objections", Html.escape(String.join(", ", objections)))).append('\n');
        }
        if (!notes.isEmpty()) {
            out.append('\n').append(turn.t("card.recent")).append('\n');
            notes.stream().limit(RECENT).forEach(n -> out.append(NoteLines.line(turn, knowledge, n, 160)).append('\n'));
        }
        out.append('\n').append(turn.t("card.hint"));
        return out.toString().strip();
    }

    List<List<Button>> buttons(Turn turn, Account account) {
        long id = account.id();
        List<List<Button>> rows = new ArrayList<>();
        for (Dialog d : overview.openRuns(turn, account)) {
            String title = knowledge.flow(d.flow()).map(f -> f.title().in(turn.lang())).orElse(d.flow());
            rows.add(List.of(WalkButtons.RESUME.button(turn.t("card.continue", title), new WalkButtons.Resume(d.id()))));
        }
        rows.add(List.of(AccountButtons.NOTES.button(turn.t("btn.notes"), new AccountButtons.NotesPage(id, 0)),
                AccountButtons.BRIEF.button(turn.t("btn.brief"), new AccountButtons.Pick(id))));
        rows.add(List.of(WalkButtons.START.button(turn.t("btn.profile"), new WalkButtons.Start("profile", id)),
                WalkButtons.START.button(turn.t("btn.evaluate"), new WalkButtons.Start("evaluate", id)),
                PlanButtons.CHOOSE.button(turn.t("btn.plan"), new PlanButtons.Choose(id, null))));
        rows.add(List.of(AccountButtons.RENAME.button(turn.t("btn.rename"), new AccountButtons.Pick(id)),
                AccountButtons.DELETE.button(turn.t("btn.delete"), new AccountButtons.Pick(id))));
        rows.add(List.of(AccountButtons.CLOSE.button(turn.t("btn.close"), new AccountButtons.Plain())));
        return rows;
    }
}
