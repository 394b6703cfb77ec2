package coach.kam.conversation.commands;

import coach.kam.accounts.Account;
import coach.kam.accounts.Accounts;
import coach.kam.accounts.ChangeLog;
import coach.kam.accounts.Note;
import coach.kam.conversation.Button;
import coach.kam.conversation.Conversation;
import coach.kam.text.Html;
import coach.kam.conversation.Turn;
import coach.kam.conversation.buttons.AccountButtons;
import coach.kam.conversation.buttons.NoteButtons;
import coach.kam.conversation.buttons.Owned;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Keeps notes on the right account: every saved note can be moved to another account ("nmv"
 * lists them, "nmt" moves), and a note that names another account, or comes after half an hour of
 * quiet, says so next to the account it went to, with a button straight to the named one.
 */
final class NoteMoves {
    static final Duration QUIET = Duration.ofMinutes(30);
    private static final int MAX_ACCOUNTS = 20;
    private static final int MIN_NAME_KEY = 2;
    private final Accounts accounts;
    private final Owned owned;

    NoteMoves(Accounts accounts) {
        this.accounts = accounts;
        this.owned = new Owned(accounts);
    }

    void register(Conversation.Builder b) {
        b.button(NoteButtons.OFFER_MOVE, owned.note((turn, p, a, n) -> offer(turn, a, n)));
        b.button(NoteButtons.MOVE, owned.note(this::move));
        b.button(NoteButtons.AS_VISIT, owned.note((turn, p, a, n) -> asVisit(turn, a, n)));
    }

    private static final List<String> VISIT_WORDS = List.of("拜访", "上门", "走访", "登门", "见面聊", "visited",
            "site visit", "on site", "onsite", "at their office", "at their plant", "at their site", "met at their");

    /** Whether a note says it was a visit ("今天拜访了储运部李经理", "met at their office"); the first 500 characters are read. */
    static boolean saysVisit(String text) {
        String t = (text.length() > 500 ? text.substring(0, 500) : text).toLowerCase(java.util.Locale.ROOT);
        return VISIT_WORDS.stream().anyMatch(t::contains);
    }

    /** "📍 count it as a visit" under a note that says it was one. */
    static Button visitButton(Turn turn, Account account, Note note) {
        return NoteButtons.AS_VISIT.button(turn.t("btn.note.visit"), new NoteButtons.At(account.id(), note.id()));
    }

    /** The note becomes a visit at the time it was written (no location), kept for /undo. */
    private void asVisit(Turn turn, Account a, Note n) {
        if (n.kind() != Note.Kind.NOTE) {
            turn.say(turn.t("note.gone"));
            return;
        }
        Note visit = new Note(n.id(), n.accountId(), Note.Kind.VISIT, n.text(), null, null, null, n.at());
        accounts.replaceNote(turn.tx(), a, visit);
        ChangeLog.Change c = ChangeLog.record(turn.tx(), turn.userId(), ChangeLog.Kind.NOTE_EDITED, a.id(), null,
                n, visit, null, null, null, turn.now());
        turn.say(turn.t("note.now.visit", Html.escape(a.name()), turn.formatTime(n.at())),
                List.of(List.of(NoteButtons.TOGGLE.button(turn.t("btn.undo"), new NoteButtons.Change(c.seq())))));
    }

    /** Another of the rep's accounts whose name the text contains (the longest such name), if any. */
    Optional<Account> namedOther(Turn turn, Account savedTo, String text) {
        String key = Accounts.nameKey(text.length() > 500 ? text.substring(0, 500) : text);
        Account best = null;
        for (Account a : accounts.list(turn.tx(), turn.userId())) {
            String name = Accounts.nameKey(a.name());
            if (a.id() != savedTo.id() && name.length() >= MIN_NAME_KEY && key.contains(name)
                    && !Accounts.nameKey(savedTo.name()).contains(name)
                    && (best == null || name.length() > Accounts.nameKey(best.name()).length())) {
                best = a;
            }
        }
        return Optional.ofNullable(best);
    }

    /** The line under "saved to X" that asks the rep to check, or empty when there is nothing to check. */
    String warning(Turn turn, Account savedTo, Optional<Account> named) {
        if (named.isPresent()) {
            return "\n" + turn.t("note.check.named", Html.escape(named.get().name()), Html.escape(savedTo.name()));
        }
        if (turn.quiet().compareTo(QUIET) >= 0) {
            return "\n" + turn.t("note.check.quiet", turn.quiet().toMinutes(), Html.escape(savedTo.name()));
        }
        return "";
    }

    /** "➡ move to…" for a saved note. */
    static Button moveButton(Turn turn, Account account, Note note) {
        return NoteButtons.OFFER_MOVE.button(turn.t("btn.note.move"), new NoteButtons.At(account.id(), note.id()));
    }

    /** "➡ move to Acme Foods" straight away. */
    static Button moveTo(Turn turn, Account from, Note note, Account to) {
        return NoteButtons.MOVE.button(turn.t("btn.note.move.to", to.name()),
                new NoteButtons.Move(from.id(), note.id(), to.id()));
    }

    private void offer(Turn turn, Account from, Note note) {
        List<List<Button>> rows = new ArrayList<>();
        accounts.list(turn.tx(), turn.userId()).stream().filter(a -> a.id() != from.id()).limit(MAX_ACCOUNTS)
                .forEach(a -> rows.add(List.of(moveTo(turn, from, note, a))));
        if (rows.isEmpty()) {
            turn.say(turn.t("note.move.none"));
            return;
        }
        turn.say(turn.t("note.move.which", Html.escape(from.name())), rows);
    }

    private void move(Turn turn, NoteButtons.Move pressed, Account from, Note note) {
        Optional<Account> to = owned.find(turn, pressed.toAccountId());
        if (to.isEmpty() || to.get().id() == from.id()) {
            turn.say(turn.t("note.gone"));
            return;
        }
        accounts.deleteNote(turn.tx(), from, note.id());
        Note moved = accounts.restoreNote(turn.tx(), to.get(), note);
        ChangeLog.Change c = ChangeLog.record(turn.tx(), turn.userId(), ChangeLog.Kind.NOTE_MOVED, from.id(),
                to.get().id(), note, moved, null, null, null, turn.now());
        String what = "“" + Html.escape(Html.shorten(moved.text(), 60)) + "”";
        turn.say(turn.t("note.moved", Html.escape(to.get().name()), what), List.of(List.of(
                NoteButtons.TOGGLE.button(turn.t("btn.undo"), new NoteButtons.Change(c.seq())),
                AccountButtons.OPEN.button(turn.t("btn.open.account", to.get().name()), new AccountButtons.Pick(to.get().id())))));
    }
}
