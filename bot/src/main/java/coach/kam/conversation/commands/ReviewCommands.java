package coach.kam.conversation.commands;

import coach.kam.accounts.Account;
import coach.kam.accounts.Accounts;
import coach.kam.conversation.Button;
import coach.kam.conversation.buttons.AccountButtons;
import coach.kam.conversation.Conversation;
import coach.kam.text.Html;
import coach.kam.conversation.Turn;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** /review: every account by tier with its last contact, those past their cadence first. */
public final class ReviewCommands {
    private static final int BUTTONS = 10;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");
    private final Accounts accounts;
    private final AccountOverview overview;

    public ReviewCommands(Accounts accounts, AccountOverview overview) {
        this.accounts = accounts;
        this.overview = overview;
    }

    public void register(Conversation.Builder b) {
        b.command("review", (turn, args) -> review(turn));
    }

    private record Row(Account account, String tier, Optional<Long> late, String lastContact) {
        boolean overdue() {
            return late.map(d -> d > 0).orElse(false);
        }
    }

    private void review(Turn turn) {
        List<Account> all = accounts.list(turn.tx(), turn.userId());
        if (all.isEmpty()) {
            turn.say(turn.t("accounts.none"));
            return;
        }
        List<Row> rows = new ArrayList<>();
        for (Account a : all) {
            String last = overview.lastContact(turn, a).map(i -> DAY.format(i.atZone(turn.zone()))).orElse("—");
            rows.add(new Row(a, overview.scaleMarks(turn, a), overview.daysPastCadence(turn, a), last));
        }
        rows.sort(Comparator.comparing((Row r) -> !r.overdue())
                .thenComparing(r -> -r.late().orElse(Long.MIN_VALUE / 2))
                .thenComparing(Row::tier).thenComparing(r -> r.account().name().toLowerCase()));
        StringBuilder out = new StringBuilder(turn.t("review.title", all.size()));
        List<List<Button>> buttons = new ArrayList<>();
        for (Row r : rows) {
            out.append('\n').append(r.overdue() ? "⚠️ " : "• ").append(r.tier()).append(" · <b>")
                    .append(Html.escape(r.account().name())).append("</b> · ")
                    .append(turn.t("review.last", r.lastContact()));
            if (r.overdue()) {
                out.append(" · ").append(turn.t("review.late", r.late().get()));
            }
            if (buttons.size() < BUTTONS) {
                buttons.add(List.of(AccountButtons.OPEN.button(r.account().name(), new AccountButtons.Pick(r.account().id()))));
            }
        }
        turn.say(out.toString(), buttons);
    }
}
