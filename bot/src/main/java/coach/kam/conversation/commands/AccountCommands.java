package coach.kam.conversation.commands;

import coach.kam.accounts.Account;
import coach.kam.accounts.Accounts;
import coach.kam.conversation.Button;
import coach.kam.conversation.Conversation;
import coach.kam.text.Html;
import coach.kam.conversation.Turn;
import coach.kam.conversation.buttons.AccountButtons;
import coach.kam.conversation.buttons.Owned;
import java.util.List;

/** /new, /accounts, /account, /rename, /delete, /cancel and the account card. */
public final class AccountCommands {
    private final Accounts accounts;
    private final AccountPicker picker;
    private final AccountCard card;

    private final AccountOverview overview;

    public AccountCommands(Accounts accounts, AccountCard card, AccountOverview overview) {
        this.accounts = accounts;
        this.picker = new AccountPicker(accounts);
        this.card = card;
        this.overview = overview;
    }

    public void register(Conversation.Builder b) {
        b.command("new", this::create).waitingFor("new-name", (turn, text, arg) -> createNamed(turn, text));
        Owned owned = picker.owned();
        b.command("accounts", (turn, args) -> picker.pick(turn, "", AccountPicker.to(AccountButtons.OPEN), this::open));
        b.command("account", (turn, args) -> picker.pick(turn, args, AccountPicker.to(AccountButtons.OPEN), this::open));
        b.button(AccountButtons.OPEN, owned.account((turn, p, a) -> open(turn, a)));
        b.button(AccountButtons.CLOSE, (turn, p) -> close(turn));
        b.command("rename", this::rename);
        b.button(AccountButtons.RENAME, owned.account((turn, p, a) -> askNewName(turn, a)));
        b.waitingFor("rename", this::renameTo);
        b.waitingFor("rename-to",
                (turn, typed, to) -> picker.typedWhileKeeping(turn, typed, "rename-to", to, this::renameAccount),
                (turn, accountId, to) -> owned.account(turn, accountId).ifPresent(a -> renameAccount(turn, a, to)));
        b.command("delete", (turn, args) -> picker.pick(turn, args, AccountPicker.to(AccountButtons.DELETE),
                AccountPicker.Purpose.DELETE, this::confirmDelete));
        b.button(AccountButtons.DELETE, owned.account((turn, p, a) -> confirmDelete(turn, a)));
        b.button(AccountButtons.DELETE_YES, owned.account((turn, p, a) -> delete(turn, a)));
        b.button(AccountButtons.DELETE_NO, (turn, p) -> turn.say(turn.t("delete.kept")));
        b.command("cancel", (turn, args) -> cancel(turn));
    }

    private void create(Turn turn, String name) {
        if (name.isBlank()) {
            turn.await("new-name", null);
            turn.say(turn.t("new.ask"));
            return;
        }
        createNamed(turn, name);
    }

    private void createNamed(Turn turn, String name) {
        if (!validName(turn, name)) {
            turn.await("new-name", null);
            return;
        }
        var existing = accounts.sameName(turn.tx(), turn.userId(), name);
        if (existing.isPresent()) {
            turn.say(turn.t("new.exists", Html.escape(existing.get().name())));
            open(turn, existing.get());
            return;
        }
        Account account = accounts.create(turn.tx(), turn.userId(), name, turn.now());
        var open = picker.open(turn);
        if (open.isPresent()) {
            // another account is open: it stays open, so what is typed next cannot land on the wrong one
            turn.say(turn.t("new.created.kept.open", Html.escape(account.name()), Html.escape(open.get().name())),
                    List.of(List.of(AccountButtons.OPEN.button(turn.t("btn.open.account", account.name()), new AccountButtons.Pick(account.id())))));
            return;
        }
        turn.session(turn.session().withOpenAccount(account.id()));
        turn.say(turn.t("new.created", Html.escape(account.name())), card.buttons(turn, account));
    }

    void open(Turn turn, Account account) {
        turn.session(turn.session().withOpenAccount(account.id()));
        turn.say(card.render(turn, account), card.buttons(turn, account));
    }

    private void close(Turn turn) {
        turn.session(turn.session().withOpenAccount(null));
        turn.say(turn.t("account.closed"));
    }

    /**
     * The arrows a rep may type between the old and the new name, a phone's auto-corrected one
     * included, with the blanks around them. Blanks are taken only from the start of their run
     * ({@code (?<!\s)}) and possessively (no arrow starts with one): a long run of blanks is
     * scanned once, not again from each blank in it.
     */
    private static final java.util.regex.Pattern ARROW = java.util.regex.Pattern.compile(
            "(?<!\\s)\\s*+(?:->|－>|-＞|－＞|=>|→|⟶|➔|➜|➡️?|⇒)\\s*+");

    private void rename(Turn turn, String args) {
        java.util.regex.Matcher arrow = ARROW.matcher(args);
        if (arrow.find() && arrow.start() > 0) {
            String from = args.substring(0, arrow.start()).strip();
            String to = args.substring(arrow.end()).strip();
            if (to.isEmpty()) {
                picker.pick(turn, from, AccountPicker.to(AccountButtons.RENAME), AccountPicker.Purpose.RENAME, this::askNewName);
                return;
            }
            picker.pickKeeping(turn, from, "rename-to", to, AccountPicker.Purpose.RENAME, this::renameAccount);
            return;
        }
        picker.pick(turn, args, AccountPicker.to(AccountButtons.RENAME), AccountPicker.Purpose.RENAME, this::askNewName);
    }

    private void askNewName(Turn turn, Account account) {
        turn.await("rename", Long.toString(account.id()));
        turn.say(turn.t("rename.ask", Html.escape(account.name())));
    }

    private void renameTo(Turn turn, String newName, String accountId) {
        var account = picker.owned().account(turn, accountId);
        if (account.isEmpty()) {
            return;
        }
        renameAccount(turn, account.get(), newName);
    }

    private void renameAccount(Turn turn, Account account, String newName) {
        if (!validName(turn, newName)) {
            turn.await("rename", Long.toString(account.id()));
            return;
        }
        var taken = accounts.sameName(turn.tx(), turn.userId(), newName);
        if (taken.isPresent() && taken.get().id() != account.id()) {
            turn.await("rename", Long.toString(account.id()));
            turn.say(turn.t("rename.exists", Html.escape(taken.get().name()), Html.escape(account.name())));
            return;
        }
        Account renamed = accounts.rename(turn.tx(), account, newName);
        turn.say(turn.t("rename.done", Html.escape(account.name()), Html.escape(renamed.name())));
    }

    private void confirmDelete(Turn turn, Account account) {
        int notes = accounts.summary(turn.tx(), account).total();
        turn.say(turn.t("delete.confirm", Html.escape(account.name()), notes), List.of(List.of(
                AccountButtons.DELETE_YES.button(turn.t("delete.yes"), new AccountButtons.Pick(account.id())),
                AccountButtons.DELETE_NO.button(turn.t("delete.no"), new AccountButtons.Plain()))));
    }

    private void delete(Turn turn, Account account) {
        overview.forget(turn, account);
        accounts.delete(turn.tx(), account);
        if (Long.valueOf(account.id()).equals(turn.session().openAccountId())) {
            turn.session(turn.session().withOpenAccount(null));
            turn.say(turn.t("delete.done.closed", Html.escape(account.name())));
            return;
        }
        turn.say(turn.t("delete.done", Html.escape(account.name())));
    }

    private void cancel(Turn turn) {
        boolean hadAccount = picker.open(turn).isPresent();
        turn.session(turn.session().withOpenAccount(null));
        turn.say(turn.t(hadAccount ? "account.closed" : "cancel.nothing"));
    }

    private static boolean validName(Turn turn, String name) {
        String clean = name.strip();
        if (clean.isEmpty() || clean.length() > Accounts.MAX_NAME_LENGTH || clean.startsWith("/")) {
            turn.say(turn.t("name.invalid", Accounts.MAX_NAME_LENGTH));
            return false;
        }
        return true;
    }
}
