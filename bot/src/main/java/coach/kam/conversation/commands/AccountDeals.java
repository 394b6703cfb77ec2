package coach.kam.conversation.commands;

import coach.kam.accounts.Account;
import coach.kam.accounts.Accounts;
import coach.kam.conversation.Turn;
import coach.kam.deals.Deal;
import coach.kam.deals.Deals;
import coach.kam.deals.Stages;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The open deals of one account as the account card and /brief show them: late ones first, then by
 * the next date (next step, else expected close), each with stage, amount and next step.
 */
public final class AccountDeals {
    private final Deals deals;
    private final DealCard card;

    public AccountDeals(Accounts accounts, Deals deals, Stages stages) {
        this.deals = deals;
        this.card = new DealCard(accounts, stages);
    }

    /** The title line and at most {@code max} deal lines; empty when the account has no open deal. */
    public List<String> lines(Turn turn, Account account, int max) {
        LocalDate today = DealCard.today(turn);
        List<Deal> open = deals.ofAccount(turn.tx(), turn.userId(), account.id()).stream().filter(Deal::open)
                .sorted(Comparator.comparing((Deal d) -> !d.late(today)).thenComparing(AccountDeals::when,
                        Comparator.nullsLast(Comparator.naturalOrder()))).toList();
        if (open.isEmpty()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        out.add(turn.t("deal.account.title", open.size()));
        open.stream().limit(max).forEach(d -> out.add(card.accountLine(turn, d)));
        if (open.size() > max) {
            out.add("… /deal");
        }
        return out;
    }

    private static LocalDate when(Deal d) {
        return d.nextDate() != null ? d.nextDate() : d.close();
    }
}
