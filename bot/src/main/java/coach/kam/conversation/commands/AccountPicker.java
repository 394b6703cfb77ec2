package coach.kam.conversation.commands;

import coach.kam.accounts.Account;
import coach.kam.accounts.Accounts;
import coach.kam.conversation.Button;
import coach.kam.conversation.Html;
import coach.kam.conversation.Turn;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * Resolves what a rep typed to one of their accounts. One match runs the action; several, or no
 * name at all, offer buttons whose data is "{@code buttonPrefix}:<account id>".
 */
final class AccountPicker {
    private static final int MAX_BUTTONS = 20;
    private final Accounts accounts;

    AccountPicker(Accounts accounts) {
        this.accounts = accounts;
    }

    void pick(Turn turn, String query, String buttonPrefix, BiConsumer<Turn, Account> action) {
        List<Account> candidates = query.isBlank()
                ? accounts.list(turn.tx(), turn.userId())
                : accounts.find(turn.tx(), turn.userId(), query);
        if (candidates.size() == 1 && !query.isBlank()) {
            action.accept(turn, candidates.get(0));
        } else if (candidates.isEmpty() && query.isBlank()) {
            turn.say(turn.t("accounts.none"));
        } else if (candidates.isEmpty()) {
            turn.say(turn.t("accounts.nomatch", Html.escape(query)));
        } else {
            String key = query.isBlank() ? "accounts.choose" : "accounts.several";
            turn.say(turn.t(key, Html.escape(query)), buttons(candidates, buttonPrefix));
        }
    }

    /** The account a button names, if it is the presser's own; a forged or stale id gets a short answer. */
    Optional<Account> fromButton(Turn turn, String[] args) {
        Optional<Account> account = Optional.empty();
        if (args.length > 0 && args[0].matches("\\d{1,18}")) {
            account = accounts.get(turn.tx(), turn.userId(), Long.parseLong(args[0]));
        }
        if (account.isEmpty()) {
            turn.say(turn.t("accounts.gone"));
        }
        return account;
    }

    /** The rep's open account; an id left over from a deleted account is dropped from the session. */
    Optional<Account> open(Turn turn) {
        Long id = turn.session().openAccountId();
        if (id == null) {
            return Optional.empty();
        }
        Optional<Account> account = accounts.get(turn.tx(), turn.userId(), id);
        if (account.isEmpty()) {
            turn.session(turn.session().withOpenAccount(null));
        }
        return account;
    }

    /** The open account's name, or "" (so a picker then offers every account). */
    String openName(Turn turn) {
        return open(turn).map(Account::name).orElse("");
    }

    /** One button per account that answers the waiting dialog with the account's id. */
    static List<List<Button>> choices(Turn turn, coach.kam.conversation.Dialog waiting, List<Account> list) {
        List<List<Button>> rows = new ArrayList<>();
        for (Account a : list.subList(0, Math.min(MAX_BUTTONS, list.size()))) {
            rows.add(List.of(turn.choice(waiting, a.name(), "c", Long.toString(a.id()))));
        }
        return rows;
    }

    static List<List<Button>> buttons(List<Account> list, String prefix) {
        List<List<Button>> rows = new ArrayList<>();
        for (Account a : list.subList(0, Math.min(MAX_BUTTONS, list.size()))) {
            rows.add(List.of(new Button(a.name(), prefix + ":" + a.id())));
        }
        return rows;
    }
}
