package coach.kam.conversation.commands;

import coach.kam.accounts.Account;
import coach.kam.accounts.Accounts;
import coach.kam.conversation.Button;
import coach.kam.conversation.Conversation;
import coach.kam.text.Html;
import coach.kam.conversation.Turn;
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
        b.command("accounts", (turn, args) -> picker.pick(turn, "", "acc", this::open));
        b.command("account", (turn, args) -> picker.pick(turn, args, "acc", this::open));
        b.button("acc", (turn, args) -> picker.fromButton(turn, args).ifPresent(a -> open(turn, a)));
        b.button("close", (turn, args) -> close(turn));
        b.command("rename", this::rename);
        b.button("ren", (turn, args) -> picker.fromButton(turn, args).ifPresent(a -> askNewName(turn, a)));
        b.waitingFor("rename", this::renameTo);
        b.waitingFor("rename-to",
                (turn, typed, to) -> picker.typedWhileKeeping(turn, typed, "rename-to", to, this::renameAccount),
                (turn, accountId, to) -> picker.fromButton(turn, new String[] {accountId})
                        .ifPresent(a -> renameAccount(turn, a, to)));
        b.command("delete", (turn, args) -> picker.pick(turn, args, "del", AccountPicker.Purpose.DELETE, this::confirmDelete));
        b.button("del", (turn, args) -> picker.fromButton(turn, args).ifPresent(a -> confirmDelete(turn, a)));
        b.button("delyes", (turn, args) -> picker.fromButton(turn, args).ifPresent(a -> delete(turn, a)));
        b.button("delno", (turn, args) -> turn.say(turn.t("delete.kept")));
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
                    List.of(List.of(new Button(turn.t("btn.open.account", account.name()), "acc:" + account.id()))));
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
                picker.pick(turn, from, "ren", AccountPicker.Purpose.RENAME, this::askNewName);
                return;
            }
            picker.pickKeeping(turn, from, "rename-to", to, AccountPicker.Purpose.RENAME, this::renameAccount);
            return;
        }
        picker.pick(turn, args, "ren", AccountPicker.Purpose.RENAME, this::askNewName);
    }

    private void askNewName(Turn turn, Account account) {
        turn.await("rename", Long.toString(account.id()));
        turn.say(turn.t("rename.ask", Html.escape(account.name())));
    }

    private void renameTo(Turn turn, String newName, String accountId) {
        var account = picker.fromButton(turn, new String[] {accountId});
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
                new Button(turn.t("delete.yes"), "delyes:" + account.id()),
                new Button(turn.t("delete.no"), "delno"))));
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
