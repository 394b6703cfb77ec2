package coach.kam.conversation.commands;

import coach.kam.accounts.Account;
import coach.kam.accounts.Accounts;
import coach.kam.accounts.ChecklistProgress;
import coach.kam.accounts.Note;
import coach.kam.accounts.Summaries;
import coach.kam.conversation.Conversation;
import coach.kam.text.Html;
import coach.kam.conversation.Turn;
import coach.kam.conversation.buttons.AccountButtons;
import coach.kam.knowledge.KnowledgeBase;
import java.util.List;

/**
 * /brief: the one-screen card to read before walking in: who they are and who decides, the tier
 * and its trend, the last notes, open plan items, objections met, and what to ask next.
 */
public final class BriefCommands {
    private static final int NOTES = 3;
    private static final int ITEMS = 5;
    private static final int QUESTIONS = 3;
    private final Accounts accounts;
    private final AccountPicker picker;
    private final KnowledgeBase knowledge;
    private final AccountOverview overview;
    private final ChecklistProgress progress = new ChecklistProgress();

    private static final int DEALS = 5;
    private AccountDeals deals;

    /** Shows the account's open deals in the brief. */
    public BriefCommands withDeals(AccountDeals d) {
        this.deals = d;
        return this;
    }

    public BriefCommands(Accounts accounts, KnowledgeBase knowledge, AccountOverview overview) {
        this.accounts = accounts;
        this.picker = new AccountPicker(accounts);
        this.knowledge = knowledge;
        this.overview = overview;
    }

    public void register(Conversation.Builder b) {
        b.command("brief", (turn, args) -> picker.pick(turn, args.isBlank() ? picker.openName(turn) : args,
                AccountPicker.to(AccountButtons.BRIEF), this::brief));
        b.button(AccountButtons.BRIEF, picker.owned().account((turn, p, a) -> brief(turn, a)));
    }

    private void brief(Turn turn, Account account) {
        // lists come from the newest notes, counts and the last visit from the account's summary
        List<Note> notes = accounts.recentNotes(turn.tx(), account, 0, AccountCard.WINDOW);
        Summaries.Summary summary = accounts.summary(turn.tx(), account);
        StringBuilder out = new StringBuilder(turn.t("brief.title", Html.escape(account.name())));
        List<String> profile = overview.profileLines(turn, account);
        if (profile.isEmpty()) {
            out.append('\n').append(turn.t("brief.no.profile"));
        }
        // a walkthrough cancelled or paused half way keeps its answers: say so, so nothing seems lost
        overview.openRuns(turn, account).stream().filter(d -> !d.answers().isEmpty()).forEach(d -> out.append('\n')
                .append(turn.t("brief.draft", d.answers().size(), "/" + d.flow())));
        profile.forEach(l -> out.append('\n').append(l));
        overview.tierLine(turn, account, true).ifPresent(l -> out.append('\n').append(l));
        overview.classLine(turn, account).ifPresent(l -> out.append('\n').append(l));
        // a note read as what the customer said (flagged with its objection button when saved) counts as an objection met
        List<Note> flagged = notes.stream().filter(n -> n.kind() == Note.Kind.NOTE && customerWords(n)).toList();
        long plain = summary.notes();
        int visits = summary.visits();
        long objections = summary.objections() + flagged.size();
        out.append('\n').append(turn.t("brief.tally",
                turn.t(plain == 1 ? "count.notes.one" : "count.notes", plain),
                turn.t(visits == 1 ? "count.visits.one" : "count.visits", visits),
                turn.t(objections == 1 ? "count.objections.one" : "count.objections", objections)));
        out.append('\n').append(summary.lastVisitAt().map(at -> turn.t("brief.last.visit", turn.formatTime(at)))
                .orElseGet(() -> turn.t("brief.no.visit")));
        section(out, turn.t("card.recent"), notes.stream().filter(n -> n.kind() == Note.Kind.NOTE).limit(NOTES)
                .map(n -> NoteLines.line(turn, knowledge, n, 140)).toList());
        for (ChecklistProgress.Ticks t : progress.all(turn.tx(), account)) {
            if (overview.isPlan(turn, account, t.checklistId())) {
                continue;
            }
            knowledge.checklist(t.checklistId()).ifPresent(c -> out.append('\n').append(turn.t("brief.checklist",
                    Html.escape(c.title(turn.lang())), t.done().size(), c.itemCount())));
        }
        List<String> plans = overview.planLines(turn, account);
        if (!plans.isEmpty()) {
            section(out, turn.t("brief.plans", String.join(" · ", plans)), overview.dueItems(turn, account, ITEMS));
        }
        if (deals != null) {
            List<String> open = deals.lines(turn, account, DEALS);
            if (!open.isEmpty()) {
                section(out, open.get(0), open.subList(1, open.size()));
            }
        }
        section(out, turn.t("brief.pains"), overview.painLines(turn, account));
        List<String> met = new java.util.ArrayList<>(notes.stream().filter(n -> n.kind() == Note.Kind.OBJECTION)
                .map(n -> "• " + NoteLines.objection(turn, knowledge, n)
                        + (n.text().isBlank() ? "" : ": " + Html.escape(Html.shorten(n.text(), 80)))).distinct().toList());
        flagged.forEach(n -> met.add("• 💬 " + Html.escape(Html.shorten(n.text(), 80))));
        section(out, turn.t("brief.objections"), met.stream().limit(ITEMS).toList());
        section(out, turn.t("brief.next.questions"), overview.nextQuestions(turn, account, QUESTIONS).stream()
                .map(q -> "❓ " + q).toList());
        turn.say(out.toString().strip());
    }

    /** Whether a plain note reads as the customer's words (an objection met). */
    static boolean customerWords(Note n) {
        return coach.kam.intent.IntentReader.read(n.text()).intent() == coach.kam.intent.Intent.CUSTOMER_WORDS;
    }

    private static void section(StringBuilder out, String title, List<String> lines) {
        if (lines.isEmpty()) {
            return;
        }
        out.append("\n\n").append(title);
        lines.forEach(l -> out.append('\n').append(l));
    }
}
