package coach.kam.conversation.commands;

import coach.kam.accounts.Account;
import coach.kam.accounts.Accounts;
import coach.kam.accounts.Note;
import coach.kam.conversation.Button;
import coach.kam.conversation.Conversation;
import coach.kam.conversation.Dialog;
import coach.kam.conversation.Event;
import coach.kam.conversation.Html;
import coach.kam.conversation.TextAction;
import coach.kam.conversation.Turn;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Notes and visits: /note, /notes, a typed line while an account is open, a shared location.
 * Text typed with no account open goes to {@code otherText} (questions, objections).
 */
public final class NoteCommands {
    private static final int PAGE = 10;
    private final Accounts accounts;
    private final AccountPicker picker;
    private final TextAction otherText;

    public NoteCommands(Accounts accounts, TextAction otherText) {
        this.accounts = accounts;
        this.picker = new AccountPicker(accounts);
        this.otherText = otherText;
    }

    public void register(Conversation.Builder b) {
        b.command("note", this::note);
        b.waitingFor("note-account", (turn, typed, text) -> pickTyped(turn, typed, "note-account", text, this::save),
                (turn, accountId, text) -> picked(turn, accountId, a -> save(turn, a, text)));
        b.command("notes", (turn, args) -> picker.pick(turn, args.isBlank() ? picker.openName(turn) : args, "notes",
                (t, a) -> listNotes(t, a, 0)));
        b.button("notes", (turn, args) -> picker.fromButton(turn, args)
                .ifPresent(a -> listNotes(turn, a, args.length > 1 && args[1].matches("\\d{1,4}") ? Integer.parseInt(args[1]) : 0)));
        b.plainText(this::typed);
        b.location(this::visit);
        b.waitingFor("visit-account", (turn, typed, latLon) -> pickTyped(turn, typed, "visit-account", latLon, this::visitAt),
                (turn, accountId, latLon) -> picked(turn, accountId, a -> visitAt(turn, a, latLon)));
    }

    private void typed(Turn turn, String text, String ignored) {
        Optional<Account> open = picker.open(turn);
        if (open.isPresent()) {
            save(turn, open.get(), text);
        } else {
            otherText.answer(turn, text, null);
        }
    }

    private void note(Turn turn, String args) {
        if (args.isBlank()) {
            turn.say(turn.t("note.usage"));
            return;
        }
        int colon = firstColon(args);
        if (colon > 0) {
            List<Account> named = accounts.find(turn.tx(), turn.userId(), args.substring(0, colon));
            String body = args.substring(colon + 1).strip();
            if (named.size() == 1 && !body.isEmpty()) {
                save(turn, named.get(0), body);
                return;
            }
        }
        Optional<Account> open = picker.open(turn);
        if (open.isPresent()) {
            save(turn, open.get(), args);
            return;
        }
        List<Account> all = accounts.list(turn.tx(), turn.userId());
        if (all.isEmpty()) {
            turn.say(turn.t("accounts.none"));
            return;
        }
        Dialog waiting = turn.await("note-account", args);
        turn.say(turn.t("note.which"), AccountPicker.choices(turn, waiting, all));
    }

    /** The rep typed a name instead of tapping: one clear match is taken, otherwise ask again. */
    private void pickTyped(Turn turn, String typed, String kind, String arg, TriConsumer then) {
        List<Account> found = accounts.find(turn.tx(), turn.userId(), typed);
        if (found.size() == 1) {
            then.accept(turn, found.get(0), arg);
            return;
        }
        List<Account> offer = found.isEmpty() ? accounts.list(turn.tx(), turn.userId()) : found;
        Dialog waiting = turn.await(kind, arg);
        turn.say(turn.t("accounts.pick.again", Html.escape(Html.shorten(typed, 40))),
                AccountPicker.choices(turn, waiting, offer));
    }

    private void picked(Turn turn, String accountId, java.util.function.Consumer<Account> then) {
        picker.fromButton(turn, new String[] {accountId}).ifPresent(then);
    }

    @FunctionalInterface
    private interface TriConsumer {
        void accept(Turn turn, Account account, String arg);
    }

    private void save(Turn turn, Account account, String text) {
        if (text.length() > Accounts.MAX_NOTE_LENGTH) {
            turn.say(turn.t("note.too.long", text.length(), Accounts.MAX_NOTE_LENGTH));
            return;
        }
        accounts.addNote(turn.tx(), account, Note.text(account.id(), text, turn.now()));
        turn.say(turn.t("note.saved", Html.escape(account.name())),
                List.of(List.of(new Button(turn.t("btn.notes"), "notes:" + account.id()),
                        new Button(turn.t("btn.close"), "close"))));
    }

    private void visit(Turn turn, Event.Location location) {
        Optional<Account> open = picker.open(turn);
        if (open.isPresent()) {
            saveVisit(turn, open.get(), location.latitude(), location.longitude());
            return;
        }
        List<Account> all = accounts.list(turn.tx(), turn.userId());
        if (all.isEmpty()) {
            turn.say(turn.t("accounts.none"));
            return;
        }
        Dialog waiting = turn.await("visit-account", location.latitude() + "," + location.longitude());
        turn.say(turn.t("visit.which"), AccountPicker.choices(turn, waiting, all));
    }

    private void visitAt(Turn turn, Account account, String latLon) {
        String[] parts = latLon == null ? new String[0] : latLon.split(",");
        if (parts.length != 2) {
            turn.say(turn.t("note.nothing.pending"));
            return;
        }
        saveVisit(turn, account, Double.parseDouble(parts[0]), Double.parseDouble(parts[1]));
    }

    private void saveVisit(Turn turn, Account account, double lat, double lon) {
        accounts.addNote(turn.tx(), account, Note.visit(account.id(), lat, lon, turn.now()));
        turn.say(turn.t("visit.saved", Html.escape(account.name()), turn.formatTime(turn.now())));
    }

    private void listNotes(Turn turn, Account account, int page) {
        List<Note> notes = accounts.notes(turn.tx(), account);
        if (notes.isEmpty()) {
            turn.say(turn.t("notes.none", Html.escape(account.name())));
            return;
        }
        int from = Math.min(page * PAGE, Math.max(0, notes.size() - 1));
        int to = Math.min(notes.size(), from + PAGE);
        StringBuilder out = new StringBuilder(turn.t("notes.title", Html.escape(account.name()), notes.size()));
        for (Note n : notes.subList(from, to)) {
            out.append('\n').append(AccountCommands.noteLine(turn, n, 300));
        }
        List<List<Button>> rows = new ArrayList<>();
        if (to < notes.size()) {
            rows.add(List.of(new Button(turn.t("btn.more"), "notes:" + account.id() + ":" + (page + 1))));
        }
        turn.say(out.toString(), rows);
    }


    private static int firstColon(String s) {
        int a = s.indexOf(':');
        int b = s.indexOf('：');
        if (a < 0) {
            return b;
        }
        return b < 0 ? a : Math.min(a, b);
    }
}
