package coach.kam.conversation.commands;

import coach.kam.accounts.Account;
import coach.kam.accounts.Accounts;
import coach.kam.conversation.Button;
import coach.kam.text.Html;
import coach.kam.conversation.Turn;
import coach.kam.conversation.buttons.AccountButtons;
import coach.kam.conversation.buttons.Kind;
import coach.kam.conversation.buttons.Owned;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.LongFunction;

/**
 * Resolves what a rep typed to one of their accounts. One match runs the action; several, or no
 * name at all, offer a button per account whose data {@code data} makes from the account's id.
 */
final class AccountPicker {
    private static final int MAX_BUTTONS = 20;
    private final Accounts accounts;
    private final Owned owned;

    AccountPicker(Accounts accounts) {
        this.accounts = accounts;
        this.owned = new Owned(accounts);
    }

    /** The check of pressed account and note ids against the presser's own. */
    Owned owned() {
        return owned;
    }

    /** Button data naming an account by a kind of {@link AccountButtons.Pick}. */
    static LongFunction<String> to(Kind<AccountButtons.Pick> kind) {
        return id -> kind.encode(new AccountButtons.Pick(id));
    }

    /**
     * What a pick is for, as the rep reads it: the question with no name given, the one when several
     * match, and the answer when none does (only opening an account suggests creating it).
     */
    enum Purpose { OPEN, DELETE, RENAME, NOTE }

    /** What to do with the account picked and the text kept while the rep picks it. */
    @FunctionalInterface
    interface WithText {
        void accept(Turn turn, Account account, String text);
    }

    /**
     * What a pick is for, as the rep reads it: the question with no name given, the one when several
     * match, and the answer when none does (only opening an account suggests creating it).
     */
    void pick(Turn turn, String query, LongFunction<String> data, BiConsumer<Turn, Account> action) {
        pick(turn, query, data, Purpose.OPEN, action);
    }

    void pick(Turn turn, String query, LongFunction<String> data, Purpose purpose, BiConsumer<Turn, Account> action) {
        List<Account> candidates = candidates(turn, query);
        if (candidates.size() == 1 && !query.isBlank()) {
            action.accept(turn, candidates.get(0));
        } else if (!candidates.isEmpty() || query.isBlank()) {
            ask(turn, query, candidates, purpose, buttons(candidates, data));
        } else {
            turn.say(noMatch(turn, query, purpose));
        }
    }

    /**
     * Like {@link #pick}, but what the rep typed besides the name ({@code text}: the new name, the
     * note) waits in a one-step dialog of {@code kind} while they choose, so a tap finishes the job.
     */
    void pickKeeping(Turn turn, String query, String kind, String text, Purpose purpose, WithText action) {
        List<Account> candidates = candidates(turn, query);
        if (candidates.size() == 1 && !query.isBlank()) {
            action.accept(turn, candidates.get(0), text);
        } else if (!candidates.isEmpty() || query.isBlank()) {
            coach.kam.conversation.Dialog waiting = turn.await(kind, text);
            ask(turn, query, candidates, purpose, choices(turn, waiting, candidates));
        } else {
            turn.say(noMatch(turn, query, purpose));
        }
    }

    /** A name typed while a pick of {@link #pickKeeping} waits: one match finishes it, else ask again. */
    void typedWhileKeeping(Turn turn, String typed, String kind, String text, WithText action) {
        List<Account> found = accounts.find(turn.tx(), turn.userId(), typed);
        if (found.size() == 1) {
            action.accept(turn, found.get(0), text);
            return;
        }
        List<Account> offer = found.isEmpty() ? accounts.list(turn.tx(), turn.userId()) : found;
        if (offer.isEmpty()) {
            turn.say(turn.t("accounts.none"));
            return;
        }
        coach.kam.conversation.Dialog waiting = turn.await(kind, text);
        turn.say(turn.t("accounts.pick.again", Html.escape(Html.shorten(typed, 40))), choices(turn, waiting, offer));
    }

    private List<Account> candidates(Turn turn, String query) {
        return query.isBlank() ? accounts.list(turn.tx(), turn.userId()) : accounts.find(turn.tx(), turn.userId(), query);
    }

    private static void ask(Turn turn, String query, List<Account> candidates, Purpose purpose, List<List<Button>> rows) {
        if (candidates.isEmpty()) {
            turn.say(turn.t("accounts.none"));
        } else if (query.isBlank()) {
            turn.say(switch (purpose) {
                case OPEN -> turn.t("accounts.choose");
                case DELETE -> turn.t("pick.delete.choose");
                case RENAME -> turn.t("pick.rename.choose");
                case NOTE -> turn.t("note.which");
            }, rows);
        } else {
            String q = Html.escape(query);
            turn.say(switch (purpose) {
                case OPEN -> turn.t("accounts.several", q);
                case DELETE -> turn.t("pick.delete.several", q);
                case RENAME -> turn.t("pick.rename.several", q);
                case NOTE -> turn.t("pick.note.several", q);
            }, rows);
        }
    }

    private static String noMatch(Turn turn, String query, Purpose purpose) {
        return purpose == Purpose.OPEN ? turn.t("accounts.nomatch", Html.escape(query))
                : turn.t("pick.nomatch", Html.escape(query));
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

    static List<List<Button>> buttons(List<Account> list, LongFunction<String> data) {
        List<List<Button>> rows = new ArrayList<>();
        for (Account a : list.subList(0, Math.min(MAX_BUTTONS, list.size()))) {
            rows.add(List.of(new Button(a.name(), data.apply(a.id()))));
        }
        return rows;
    }
}
