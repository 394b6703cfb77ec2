package coach.kam.conversation.commands;

import coach.kam.accounts.Account;
import coach.kam.accounts.Accounts;
import coach.kam.accounts.Note;
import coach.kam.conversation.Button;
import coach.kam.conversation.Html;
import coach.kam.conversation.Turn;
import java.util.List;

/** The short view of one account that opens it, and its buttons. */
public final class AccountCard {
    private static final int RECENT = 3;
    private final Accounts accounts;

    public AccountCard(Accounts accounts) {
        this.accounts = accounts;
    }

    String render(Turn turn, Account account) {
        List<Note> notes = accounts.notes(turn.tx(), account);
        StringBuilder out = new StringBuilder();
        out.append(turn.t("card.title", Html.escape(account.name()))).append('\n');
        out.append(turn.t("card.meta", turn.formatTime(account.createdAt()), notes.size())).append('\n');
        List<String> objections = notes.stream().filter(n -> n.kind() == Note.Kind.OBJECTION)
                .map(Note::objectionId).distinct().toList();
        if (!objections.isEmpty()) {
            out.append(turn.t("card.objections", Html.escape(String.join(", ", objections)))).append('\n');
        }
        if (!notes.isEmpty()) {
            out.append('\n').append(turn.t("card.recent")).append('\n');
            notes.stream().limit(RECENT).forEach(n -> out.append(AccountCommands.noteLine(turn, n, 160)).append('\n'));
        }
        out.append('\n').append(turn.t("card.hint"));
        return out.toString().strip();
    }

    List<List<Button>> buttons(Turn turn, Account account) {
        long id = account.id();
        return List.of(
                List.of(new Button(turn.t("btn.notes"), "notes:" + id), new Button(turn.t("btn.brief"), "brief:" + id)),
                List.of(new Button(turn.t("btn.rename"), "ren:" + id), new Button(turn.t("btn.delete"), "del:" + id)),
                List.of(new Button(turn.t("btn.close"), "close")));
    }
}
