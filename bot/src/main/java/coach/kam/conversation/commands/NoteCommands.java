package coach.kam.conversation.commands;

import coach.kam.accounts.Account;
import coach.kam.accounts.Accounts;
import coach.kam.accounts.ChangeLog;
import coach.kam.accounts.Note;
import coach.kam.conversation.Button;
import coach.kam.conversation.Conversation;
import coach.kam.conversation.Dialog;
import coach.kam.conversation.Event;
import coach.kam.text.Html;
import coach.kam.conversation.TextAction;
import coach.kam.conversation.Turn;
import coach.kam.conversation.buttons.AccountButtons;
import coach.kam.conversation.buttons.NoteButtons;
import coach.kam.conversation.buttons.Owned;
import coach.kam.knowledge.KnowledgeBase;
import coach.kam.objections.ObjectionService;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Notes and visits: /note, /notes (see {@link NoteBrowser}), /undo, a typed line while an account
 * is open, a shared location. Text typed with no account open goes to
 * {@code otherText} (questions, objections).
 */
public final class NoteCommands {
    private final Accounts accounts;
    private final KnowledgeBase knowledge;
    private final AccountPicker picker;
    private final TextAction otherText;
    private final OpenAccountText withAccountOpen;
    private final NoteMoves moves;

    /**
     * A line typed while an account is open is read as a note, a question ({@code ask} answers it)
     * or the customer's words ({@code objections} offers the card); with no account open it goes to
     * {@code otherText}.
     */
    public NoteCommands(Accounts accounts, KnowledgeBase knowledge, TextAction otherText, AskCommands ask,
                        ObjectionService objections) {
        this.accounts = accounts;
        this.knowledge = knowledge;
        this.picker = new AccountPicker(accounts);
        this.moves = new NoteMoves(accounts);
        this.otherText = otherText;
        this.withAccountOpen = new OpenAccountText(this, ask, objections);
    }

    /** Questions about the open account are answered from the rep's own records; before {@link #register}. */
    public NoteCommands answeringFromRecords(OwnDataCommands own) {
        withAccountOpen.withOwnData(own);
        return this;
    }

    private UndoCommands.ReminderSwitch reminderSwitch = (tx, user, id, open) -> Optional.empty();

    /** How /undo cancels a reminder just set (and redo sets it again); before {@link #register}. */
    public NoteCommands undoingReminders(UndoCommands.ReminderSwitch switcher) {
        this.reminderSwitch = switcher;
        return this;
    }

    public void register(Conversation.Builder b) {
        b.command("note", this::note);
        b.waitingFor("note-account",
                (turn, typed, text) -> picker.typedWhileKeeping(turn, typed, "note-account", text, this::save),
                (turn, accountId, text) -> picked(turn, accountId, a -> save(turn, a, text)));
        new NoteBrowser(accounts, knowledge, picker, this::describe).register(b);
        Owned owned = picker.owned();
        moves.register(b);
        new UndoCommands(accounts, knowledge, turn -> note -> describe(turn, note)).reminders(reminderSwitch).register(b);
        b.button(NoteButtons.SAVE, (turn, p) -> withAccountOpen.saveInstead(turn, p.id(), id -> owned.account(turn, id)));
        b.button(NoteButtons.ANSWER, owned.note((turn, p, a, n) -> withAccountOpen.answer(turn, n)));
        b.plainText(this::typed);
        b.location(this::visit);
        b.waitingFor("visit-account",
                (turn, typed, latLon) -> picker.typedWhileKeeping(turn, typed, "visit-account", latLon, this::visitAt),
                (turn, accountId, latLon) -> picked(turn, accountId, a -> visitAt(turn, a, latLon)));
    }

    private void typed(Turn turn, String text, String ignored) {
        Optional<String> smallTalk = SmallTalk.reply(turn, text);
        if (smallTalk.isPresent()) {
            turn.say(smallTalk.get());
            return;
        }
        Optional<Account> open = picker.open(turn);
        if (open.isEmpty()) {
            otherText.answer(turn, text, null);
        } else {
            withAccountOpen.typed(turn, open.get(), text);
        }
    }

    private void note(Turn turn, String args) {
        if (args.isBlank()) {
            turn.say(turn.t("note.usage"));
            return;
        }
        int colon = separatorAt(args);
        if (colon > 0) {
            List<Account> named = accounts.find(turn.tx(), turn.userId(), args.substring(0, colon));
            String body = args.substring(colon + 1).strip();
            if (!named.isEmpty() && !body.isEmpty()) {
                // "/note acme: price ok" with two Acme accounts: offer those two, keep only "price ok"
                picker.pickKeeping(turn, args.substring(0, colon).strip(), "note-account", body,
                        AccountPicker.Purpose.NOTE, this::save);
                return;
            }
        }
        Optional<Account> open = picker.open(turn);
        if (open.isPresent()) {
            save(turn, open.get(), args);
            return;
        }
        picker.pickKeeping(turn, "", "note-account", args, AccountPicker.Purpose.NOTE, this::save);
    }

    /**
     * Where "/note account: text" splits: the first colon, else the first semicolon ("acme foods;
     * price too high"), else the first comma ("九州通，价格太高"), full-width or not.
     */
    static int separatorAt(String args) {
        int colon = Html.firstColon(args);
        if (colon > 0) {
            return colon;
        }
        for (String marks : List.of(";；", ",，")) {
            for (int i = 0; i < args.length(); i++) {
                if (marks.indexOf(args.charAt(i)) >= 0) {
                    return i;
                }
            }
        }
        return -1;
    }

    private void picked(Turn turn, String accountId, java.util.function.Consumer<Account> then) {
        picker.owned().account(turn, accountId).ifPresent(then);
    }

    /** Saves a plain note and confirms it in one message, with ↩ undo; {@code extra} buttons (given the note) go first. */
    Optional<Note> save(Turn turn, Account account, String text, Function<Note, List<Button>> extra) {
        if (text == null || text.isBlank()) {
            turn.say(turn.t("note.nothing.pending"));
            return Optional.empty();
        }
        if (text.length() > Accounts.MAX_NOTE_LENGTH) {
            turn.say(turn.t("note.too.long", text.length(), Accounts.MAX_NOTE_LENGTH));
            return Optional.empty();
        }
        Note note = accounts.addNote(turn.tx(), account, Note.text(account.id(), text, turn.now()));
        added(turn, account, note);
        Optional<Account> named = moves.namedOther(turn, account, text);
        List<List<Button>> rows = new ArrayList<>();
        named.ifPresent(other -> rows.add(List.of(NoteMoves.moveTo(turn, account, note, other))));
        extra.apply(note).forEach(b -> rows.add(List.of(b)));
        if (NoteMoves.saysVisit(text)) {
            rows.add(List.of(NoteMoves.visitButton(turn, account, note)));
        }
        rows.add(List.of(NoteButtons.UNDO.button(turn.t("btn.undo"), new NoteButtons.At(account.id(), note.id())),
                NoteMoves.moveButton(turn, account, note)));
        rows.add(List.of(AccountButtons.NOTES.button(turn.t("btn.notes"), new AccountButtons.NotesPage(account.id(), 0)),
                AccountButtons.CLOSE.button(turn.t("btn.close"), new AccountButtons.Plain())));
        turn.say(turn.t("note.saved", Html.escape(account.name())) + moves.warning(turn, account, named), rows);
        return Optional.of(note);
    }

    void save(Turn turn, Account account, String text) {
        save(turn, account, text, n -> List.of());
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
        Note visit = accounts.addNote(turn.tx(), account, Note.visit(account.id(), lat, lon, turn.now()));
        added(turn, account, visit);
        turn.say(turn.t("visit.saved", Html.escape(account.name()), turn.formatTime(turn.now())),
                List.of(List.of(NoteButtons.UNDO.button(turn.t("btn.undo"), new NoteButtons.At(account.id(), visit.id())))));
    }

    /** Records a note just added, for /undo. */
    static void added(Turn turn, Account account, Note note) {
        ChangeLog.record(turn.tx(), turn.userId(), ChangeLog.Kind.NOTE_ADDED, account.id(), null, null, note, null,
                null, null, turn.now());
    }

    /** What a note was, in a few words: its text, "visit 11-27 10:00" or the objection. */
    String describe(Turn turn, Note note) {
        return switch (note.kind()) {
            case VISIT -> turn.t("note.describe.visit", turn.formatTime(note.at()));
            case OBJECTION -> NoteLines.objection(turn, knowledge, note);
            default -> "“" + Html.escape(Html.shorten(note.text(), 60)) + "”";
        };
    }
}
