package coach.kam.conversation.commands;

import coach.kam.accounts.Account;
import coach.kam.accounts.Accounts;
import coach.kam.accounts.ChangeLog;
import coach.kam.accounts.Note;
import coach.kam.conversation.Button;
import coach.kam.conversation.Conversation;
import coach.kam.conversation.Turn;
import coach.kam.conversation.buttons.AccountButtons;
import coach.kam.conversation.buttons.NoteButtons;
import coach.kam.conversation.buttons.Owned;
import coach.kam.knowledge.KnowledgeBase;
import coach.kam.text.Html;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * /notes: an account's notes a page at a time from the newest, one opened in full, edited or
 * deleted (with a confirmation); each change is kept for /undo.
 */
final class NoteBrowser {
    private static final int PAGE = 10;
    private static final int LIST_CHARS = 300;
    private final Accounts accounts;
    private final KnowledgeBase knowledge;
    private final AccountPicker picker;
    private final BiFunction<Turn, Note, String> describe;

    NoteBrowser(Accounts accounts, KnowledgeBase knowledge, AccountPicker picker, BiFunction<Turn, Note, String> describe) {
        this.accounts = accounts;
        this.knowledge = knowledge;
        this.picker = picker;
        this.describe = describe;
    }

    void register(Conversation.Builder b) {
        b.command("notes", (turn, args) -> picker.pick(turn, args.isBlank() ? picker.openName(turn) : args,
                id -> AccountButtons.NOTES.encode(new AccountButtons.NotesPage(id, 0)), (t, a) -> listNotes(t, a, 0)));
        Owned owned = picker.owned();
        b.button(AccountButtons.NOTES, owned.account((turn, p, a) -> listNotes(turn, a, p.page())));
        b.button(NoteButtons.VIEW, owned.note((turn, p, a, n) -> view(turn, a, n, p.page())));
        b.button(NoteButtons.EDIT, owned.note((turn, p, a, n) -> askEdit(turn, a, n)));
        b.waitingFor("note-edit", this::edit);
        b.button(NoteButtons.DELETE, owned.note((turn, p, a, n) -> confirmDelete(turn, a, n)));
        b.button(NoteButtons.DELETE_YES, owned.note((turn, p, a, n) -> deleteNote(turn, a, n)));
        b.button(NoteButtons.DELETE_NO, (turn, p) -> turn.say(turn.t("note.delete.kept")));
    }

    private void listNotes(Turn turn, Account account, int requestedPage) {
        // one page read from the newest backwards; the count is the account's summary
        int count = accounts.noteCount(turn.tx(), account);
        if (count == 0) {
            turn.say(turn.t("notes.none", Html.escape(account.name())));
            return;
        }
        int pages = (count + PAGE - 1) / PAGE;
        int page = Math.max(0, Math.min(requestedPage, pages - 1));
        int from = page * PAGE;
        List<Note> shown = accounts.recentNotes(turn.tx(), account, from, PAGE);
        int to = from + shown.size();
        StringBuilder out = new StringBuilder(turn.t("notes.title", Html.escape(account.name()), count));
        List<List<Button>> rows = new ArrayList<>();
        List<Button> numbers = new ArrayList<>();
        for (int i = from; i < to; i++) {
            Note n = shown.get(i - from);
            out.append('\n').append(i + 1).append(". ")
                    .append(NoteLines.line(turn, knowledge, n, LIST_CHARS).replaceFirst("^• ", ""));
            numbers.add(NoteButtons.VIEW.button("📄 " + (i + 1), new NoteButtons.View(account.id(), n.id(), page)));
            if (numbers.size() == 5) {
                rows.add(numbers);
                numbers = new ArrayList<>();
            }
        }
        if (!numbers.isEmpty()) {
            rows.add(numbers);
        }
        out.append('\n').append(turn.t("notes.open.hint"));
        List<Button> nav = new ArrayList<>();
        if (page > 0) {
            nav.add(AccountButtons.NOTES.button(turn.t("btn.previous.page"), new AccountButtons.NotesPage(account.id(), (page - 1))));
        }
        if (to < count) {
            nav.add(AccountButtons.NOTES.button(turn.t("btn.more"), new AccountButtons.NotesPage(account.id(), (page + 1))));
        }
        if (!nav.isEmpty()) {
            rows.add(nav);
        }
        turn.say(out.toString(), rows);
    }

    /** One note in full, with edit, delete and back to the list page it was opened from. */
    private void view(Turn turn, Account account, Note note, int page) {
        StringBuilder out = new StringBuilder(turn.t("note.view.title", Html.escape(account.name()),
                turn.formatTime(note.at())));
        switch (note.kind()) {
            case VISIT -> out.append('\n').append(NoteLines.line(turn, knowledge, note, LIST_CHARS));
            case OBJECTION -> {
                out.append('\n').append(NoteLines.objection(turn, knowledge, note));
                if (!note.text().isBlank()) {
                    out.append('\n').append(Html.escape(note.text()));
                }
            }
            default -> out.append('\n').append(Html.escape(note.text()));
        }
        List<Button> actions = new ArrayList<>();
        if (note.kind() != Note.Kind.VISIT) {
            actions.add(NoteButtons.EDIT.button(turn.t("btn.note.edit"), new NoteButtons.At(account.id(), note.id())));
        }
        actions.add(NoteButtons.DELETE.button(turn.t("btn.note.delete"), new NoteButtons.At(account.id(), note.id())));
        turn.say(out.toString(), List.of(actions,
                List.of(AccountButtons.NOTES.button(turn.t("btn.back.notes"), new AccountButtons.NotesPage(account.id(), page)))));
    }

    private void askEdit(Turn turn, Account account, Note note) {
        turn.await("note-edit", NoteButtons.EDIT.fieldsOf(new NoteButtons.At(account.id(), note.id())));
        turn.say(turn.t("note.edit.ask", Html.escape(Html.shorten(note.text(), 200))));
    }

    private void edit(Turn turn, String text, String arg) {
        Optional<NoteButtons.At> at = NoteButtons.EDIT.decodeFields(arg);
        if (at.isEmpty()) {
            turn.say(turn.t("note.gone"));
            return;
        }
        picker.owned().note((Turn t, NoteButtons.At p, Account account, Note note) -> {
            if (text.length() > Accounts.MAX_NOTE_LENGTH) {
                turn.say(turn.t("note.too.long", text.length(), Accounts.MAX_NOTE_LENGTH));
                return;
            }
            accounts.replaceNote(turn.tx(), account, note.withText(text));
            ChangeLog.record(turn.tx(), turn.userId(), ChangeLog.Kind.NOTE_EDITED, account.id(), null, note,
                    note.withText(text), null, null, null, turn.now());
            turn.say(turn.t("note.edited", Html.escape(account.name())), List.of(List.of(
                    NoteButtons.VIEW.button(turn.t("btn.note.open"), new NoteButtons.View(account.id(), note.id(), 0)),
                    AccountButtons.NOTES.button(turn.t("btn.notes"), new AccountButtons.NotesPage(account.id(), 0)))));
        }).press(turn, at.get());
    }

    private void confirmDelete(Turn turn, Account account, Note note) {
        turn.say(turn.t("note.delete.confirm", Html.escape(account.name()), describe.apply(turn, note)), List.of(List.of(
                NoteButtons.DELETE_YES.button(turn.t("delete.yes"), new NoteButtons.At(account.id(), note.id())),
                NoteButtons.DELETE_NO.button(turn.t("delete.no"), new AccountButtons.Plain()))));
    }

    private void deleteNote(Turn turn, Account account, Note note) {
        accounts.deleteNote(turn.tx(), account, note.id());
        ChangeLog.record(turn.tx(), turn.userId(), ChangeLog.Kind.NOTE_DELETED, account.id(), null, note, null, null,
                null, null, turn.now());
        turn.say(turn.t("note.deleted", Html.escape(account.name()), describe.apply(turn, note)),
                List.of(List.of(AccountButtons.NOTES.button(turn.t("btn.back.notes"), new AccountButtons.NotesPage(account.id(), 0)))));
    }
}
