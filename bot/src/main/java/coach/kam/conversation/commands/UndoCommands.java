package coach.kam.conversation.commands;

import coach.kam.accounts.Account;
import coach.kam.accounts.Accounts;
import coach.kam.accounts.ChangeLog;
import coach.kam.accounts.ChangeLog.Change;
import coach.kam.accounts.ChecklistProgress;
import coach.kam.accounts.Note;
import coach.kam.conversation.Button;
import coach.kam.conversation.Conversation;
import coach.kam.text.Html;
import coach.kam.conversation.Turn;
import coach.kam.conversation.buttons.NoteButtons;
import coach.kam.conversation.buttons.Owned;
import coach.kam.knowledge.KnowledgeBase;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * /undo takes back exactly the rep's last change (a note added, edited, deleted or moved, a tick),
 * says what it took back and offers to put it back; that button, pressed, redoes it, and the
 * answer offers undo again. The ↩ under a saved note works the same way: a second press puts the
 * note back.
 */
final class UndoCommands {
    private final Accounts accounts;
    private final KnowledgeBase knowledge;
    private final ChecklistProgress ticks = new ChecklistProgress();
    private final Function<Turn, Function<Note, String>> describe;

    /** Cancels ({@code open} false) or opens again a reminder; its text, or empty when it is gone or done. */
    @FunctionalInterface
    public interface ReminderSwitch {
        java.util.Optional<String> set(coach.kam.store.Tx tx, long userId, long reminderId, boolean open);
    }

    private ReminderSwitch reminders = (tx, user, id, open) -> java.util.Optional.empty();

    UndoCommands reminders(ReminderSwitch switcher) {
        this.reminders = switcher;
        return this;
    }

    UndoCommands(Accounts accounts, KnowledgeBase knowledge, Function<Turn, Function<Note, String>> describe) {
        this.accounts = accounts;
        this.knowledge = knowledge;
        this.describe = describe;
    }

    void register(Conversation.Builder b) {
        b.command("undo", (turn, args) -> undoLast(turn));
        b.button(NoteButtons.TOGGLE, (turn, p) -> toggle(turn, p.seq()));
        b.button(NoteButtons.UNDO, new Owned(accounts).checkedBy(this::undoNote));
    }

    private void undoLast(Turn turn) {
        Optional<Change> last = ChangeLog.lastDone(turn.tx(), turn.userId());
        if (last.isEmpty()) {
            turn.say(turn.t("undo.nothing"));
            return;
        }
        apply(turn, last.get(), true);
    }

    /** "ut:<change>": takes the change back when it stands, puts it back when it was taken back. */
    private void toggle(Turn turn, long seq) {
        Optional<Change> c = ChangeLog.get(turn.tx(), turn.userId(), seq);
        if (c.isEmpty()) {
            turn.say(turn.t("undo.gone"));
            return;
        }
        apply(turn, c.get(), !c.get().undone());
    }

    /**
     * The ↩ under a saved note or visit: "nu:<account>:<note>". The rep's own change log is read
     * first (the note may be gone, taken back by an earlier press), then the rep's own account.
     */
    private void undoNote(Turn turn, NoteButtons.At pressed) {
        Optional<Change> c = ChangeLog.ofNote(turn.tx(), turn.userId(), pressed.noteId());
        if (c.isPresent()) {
            apply(turn, c.get(), !c.get().undone());
            return;
        }
        Optional<Account> a = accounts.get(turn.tx(), turn.userId(), pressed.accountId());
        Optional<Note> n = a.flatMap(x -> accounts.deleteNote(turn.tx(), x, pressed.noteId()));
        if (n.isEmpty()) {
            turn.say(turn.t("note.gone"));
            return;
        }
        turn.say(turn.t("undo.done", Html.escape(a.get().name()), describe.apply(turn).apply(n.get())));
    }

    private void apply(Turn turn, Change c, boolean undo) {
        if (c.kind() == ChangeLog.Kind.REMINDER_ADDED) {
            applyReminder(turn, c, undo);
            return;
        }
        Optional<Account> from = accounts.get(turn.tx(), turn.userId(), c.accountId());
        Optional<Account> to = c.toAccountId() == null ? Optional.empty()
                : accounts.get(turn.tx(), turn.userId(), c.toAccountId());
        if (from.isEmpty() || (c.toAccountId() != null && to.isEmpty())) {
            ChangeLog.mark(turn.tx(), turn.userId(), c, true, turn.now());
            turn.say(turn.t("accounts.gone"));
            return;
        }
        String what = run(turn, c, from.get(), to.orElse(null), undo);
        Change marked = ChangeLog.mark(turn.tx(), turn.userId(), c, undo, turn.now());
        String button = undo ? turn.t("btn.redo") : turn.t("btn.undo");
        turn.say(what, List.of(List.of(NoteButtons.TOGGLE.button(button, new NoteButtons.Change(marked.seq())))));
    }

    /** Undo cancels the reminder the rep just set; redo sets it again. */
    private void applyReminder(Turn turn, Change c, boolean undo) {
        Optional<String> text = c.ref() != null && c.ref().matches("\\d{1,18}")
                ? reminders.set(turn.tx(), turn.userId(), Long.parseLong(c.ref()), !undo) : Optional.empty();
        Change marked = ChangeLog.mark(turn.tx(), turn.userId(), c, undo || text.isEmpty(), turn.now());
        if (text.isEmpty()) {
            turn.say(turn.t("undo.reminder.gone"));
            return;
        }
        String button = undo ? turn.t("btn.redo") : turn.t("btn.undo");
        turn.say(turn.t(undo ? "undo.reminder" : "redo.reminder", Html.escape(Html.shorten(text.get(), 80))),
                List.of(List.of(NoteButtons.TOGGLE.button(button, new NoteButtons.Change(marked.seq())))));
    }

    /** Does or undoes the change; returns what to tell the rep. */
    private String run(Turn turn, Change c, Account from, Account to, boolean undo) {
        String name = Html.escape(from.name());
        Function<Note, String> d = describe.apply(turn);
        switch (c.kind()) {
            case NOTE_ADDED -> {
                if (undo) {
                    accounts.deleteNote(turn.tx(), from, c.after().id());
                    return turn.t("undo.done", name, d.apply(c.after()));
                }
                accounts.restoreNote(turn.tx(), from, c.after());
                return turn.t("redo.added", name, d.apply(c.after()));
            }
            case NOTE_EDITED -> {
                Note now = undo ? c.before() : c.after();
                if (accounts.note(turn.tx(), from, now.id()).isEmpty()) {
                    return turn.t("note.gone");
                }
                accounts.replaceNote(turn.tx(), from, now);
                return turn.t(undo ? "undo.edit" : "redo.edit", name, d.apply(now));
            }
            case NOTE_DELETED -> {
                if (undo) {
                    accounts.restoreNote(turn.tx(), from, c.before());
                    return turn.t("undo.delete", name, d.apply(c.before()));
                }
                accounts.deleteNote(turn.tx(), from, c.before().id());
                return turn.t("redo.delete", name, d.apply(c.before()));
            }
            case NOTE_MOVED -> {
                Account leave = undo ? to : from;
                Account reach = undo ? from : to;
                accounts.deleteNote(turn.tx(), leave, c.after().id());
                accounts.restoreNote(turn.tx(), reach, c.after());
                return turn.t("note.moved", Html.escape(reach.name()), d.apply(c.after()));
            }
            default -> {
                String[] ref = c.ref().split("/", 2);
                boolean wanted = undo != Boolean.TRUE.equals(c.ticked());
                ticks.set(turn.tx(), from, ref[0], ref[1], wanted);
                String label = Html.escape(Html.shorten(itemText(turn, ref[0], ref[1]), 60));
                return turn.t(wanted ? "undo.ticked" : "undo.unticked", name, label);
            }
        }
    }

    /** The item's words in the rep's language, or its id when the checklist no longer has it. */
    private String itemText(Turn turn, String checklistId, String itemId) {
        return knowledge.checklist(checklistId).stream().flatMap(c -> c.sections().stream())
                .flatMap(p -> p.items().stream()).filter(i -> i.id().equals(itemId)).findFirst()
                .map(i -> i.text(turn.lang())).orElse(itemId);
    }
}
