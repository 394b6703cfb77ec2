package coach.kam.conversation.commands;

import coach.kam.accounts.Account;
import coach.kam.accounts.Accounts;
import coach.kam.accounts.Note;
import coach.kam.conversation.Button;
import coach.kam.conversation.Conversation;
import coach.kam.text.Html;
import coach.kam.conversation.Turn;
import coach.kam.conversation.buttons.NoteButtons;
import coach.kam.conversation.buttons.ObjectionButtons;
import coach.kam.knowledge.Objection;
import coach.kam.objections.Lookup;
import coach.kam.objections.Match;
import coach.kam.objections.ObjectionService;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * /objection (/o): the script for what the customer just said, in one message, with buttons for
 * another script, the other language, close matches, logging to the account and feedback.
 */
public final class ObjectionCommands {
    private final ObjectionService objections;
    private final Accounts accounts;
    private final AccountPicker picker;
    private final ObjectionCard card;
    private final LoggedObjections logged;

    public ObjectionCommands(ObjectionService objections, Accounts accounts) {
        this.objections = objections;
        this.accounts = accounts;
        this.picker = new AccountPicker(accounts);
        this.card = new ObjectionCard(objections);
        this.logged = new LoggedObjections(accounts);
    }

    public void register(Conversation.Builder b) {
        b.command("objection", this::command);
        b.command("o", this::command);
        b.waitingFor("objection", (turn, text, arg) -> lookup(turn, text, false));
        b.button(ObjectionButtons.SHOW, (turn, p) -> withObjection(turn, p.objectionId(),
                o -> show(turn, o, p.lang() == null ? turn.lang() : p.lang(), 0)));
        b.button(ObjectionButtons.ANOTHER, (turn, p) -> withObjection(turn, p.objectionId(),
                o -> show(turn, o, p.lang(), p.script())));
        b.button(ObjectionButtons.OTHER_LANGUAGE, (turn, p) -> withObjection(turn, p.objectionId(),
                o -> turn.say(card.renderScript(turn, o, p.lang(), p.script(), List.of(), picker.open(turn)))));
        b.button(ObjectionButtons.FEEDBACK, this::feedback);
        b.button(ObjectionButtons.NEW, this::logNew);
        b.button(ObjectionButtons.LOG, (turn, p) -> withObjection(turn, p.objectionId(),
                o -> chooseAccountToLog(turn, o, p.script())));
        b.button(ObjectionButtons.LOG_TO, picker.owned().account((turn, p, a) -> withObjection(turn, p.objectionId(),
                o -> log(turn, o, a, p.script()))));
        b.waitingFor("objection-note", this::addNoteToLog);
    }

    private void command(Turn turn, String args) {
        if (args.isBlank()) {
            turn.await("objection", null);
            List<List<Button>> rows = new ArrayList<>();
            for (Objection o : objections.all()) {
                rows.add(List.of(ObjectionButtons.SHOW.button(o.in(turn.lang()).title(), new ObjectionButtons.Show(o.id(), turn.lang()))));
            }
            turn.say(turn.t("objection.what"), rows);
            return;
        }
        lookup(turn, args, false);
    }

    /**
     * Looks up a phrase. With {@code onlyIfSure} (plain text that may also be a question) it says
     * nothing and returns false unless {@link FreeText#isObjection} accepts the match.
     */
    boolean lookup(Turn turn, String said, boolean onlyIfSure) {
        if (!objections.ready()) {
            turn.say(turn.t("ask.wait"));
            turn.redoAfter(objections::awaitReady);
            return true;
        }
        Lookup found = objections.lookup(said);
        if (onlyIfSure && !FreeText.isObjection(said, found)) {
            return false;
        }
        if (found.matches().isEmpty() || !found.confident()) {
            unsure(turn, found);
            return true;
        }
        objections.remember(turn.tx(), turn.userId(), found.query(), found.best().id());
        Objection o = objections.objection(found.best().id()).orElseThrow();
        String lang = found.lang();
        List<Match> others = found.close() ? found.matches().subList(1, 2) : List.of();
        turn.say(card.render(turn, o, lang, 0, others, picker.open(turn)));
        return true;
    }

    /** Nothing matched well: say so, the nearest three, and "log as a new objection" (for the phrase just looked up). */
    private void unsure(Turn turn, Lookup found) {
        List<List<Button>> rows = new ArrayList<>();
        for (Match m : found.matches().subList(0, Math.min(3, found.matches().size()))) {
            rows.add(List.of(ObjectionButtons.SHOW.button(m.title(), new ObjectionButtons.Show(m.id(), turn.lang()))));
        }
        objections.remember(turn.tx(), turn.userId(), found.query(), "");
        rows.add(List.of(ObjectionButtons.NEW.button(turn.t("objection.btn.new"), new ObjectionButtons.NewPhrase(phraseTag(found.query())))));
        turn.say(turn.t("objection.unsure"), rows);
    }

    private void logNew(Turn turn, ObjectionButtons.NewPhrase pressed) {
        Optional<ObjectionService.LastLookup> last = objections.last(turn.tx(), turn.userId());
        if (last.isEmpty() || !phraseTag(last.get().query()).equals(pressed.tag())) {
            turn.say(turn.t("button.unknown"));
            return;
        }
        String query = last.get().query();
        List<String> nearest = objections.lookupIfReady(query).map(l -> l.matches().stream().limit(3).map(Match::id).toList())
                .orElse(List.of());
        objections.logUnmatched(turn.tx(), turn.userId(), turn.lang(), nearest, turn.now()).ifPresentOrElse(
                u -> turn.say(turn.t("objection.new.logged", Html.escape(Html.shorten(u.text(), 120)))),
                () -> turn.say(turn.t("objection.new.full")));
    }

    /** A short tag of the phrase a "log as new" button was made for, so a button under an older lookup does nothing. */
    private static String phraseTag(String query) {
        return Integer.toHexString(query.hashCode());
    }

    private void show(Turn turn, Objection o, String lang, int position) {
        turn.say(card.render(turn, o, lang, position, List.of(), picker.open(turn)));
    }

    private void feedback(Turn turn, ObjectionButtons.Feedback p) {
        withObjection(turn, p.objectionId(), o -> {
            if (p.script() >= o.in(p.lang()).scripts().size()) {
                turn.say(turn.t("button.unknown"));
                return;
            }
            objections.feedback(turn.tx(), turn.userId(), o.id(), p.lang(), p.script(), p.worked());
            logged.feedback(turn, o.id(), p.script(), p.worked());
            turn.say(turn.t(p.worked() ? "objection.worked" : "objection.failed"));
        });
    }

    private void chooseAccountToLog(Turn turn, Objection o, Integer script) {
        Optional<Account> open = picker.open(turn);
        if (open.isPresent()) {
            log(turn, o, open.get(), script);
            return;
        }
        List<Account> all = accounts.list(turn.tx(), turn.userId());
        if (all.isEmpty()) {
            turn.say(turn.t("accounts.none"));
            return;
        }
        List<List<Button>> rows = new ArrayList<>();
        for (Account a : all.subList(0, Math.min(20, all.size()))) {
            rows.add(List.of(ObjectionButtons.LOG_TO.button(a.name(), new ObjectionButtons.LogTo(o.id(), a.id(), script))));
        }
        turn.say(turn.t("objection.log.which"), rows);
    }

    private void log(Turn turn, Objection o, Account account, Integer script) {
        String said = objections.last(turn.tx(), turn.userId())
                .filter(l -> l.objectionId().equals(o.id())).map(l -> l.query()).orElse("");
        Note note = accounts.addNote(turn.tx(), account, logged.complete(turn, o.id(), script,
                Note.objection(account.id(), o.id(), said, turn.now())));
        NoteCommands.added(turn, account, note);
        logged.remember(turn, account, note);
        turn.await("objection-note", NoteButtons.EDIT.fieldsOf(new NoteButtons.At(account.id(), note.id())));
        turn.say(turn.t("objection.logged", Html.escape(o.in(turn.lang()).title()), Html.escape(account.name())));
    }

    private void addNoteToLog(Turn turn, String text, String arg) {
        Optional<NoteButtons.At> at = NoteButtons.EDIT.decodeFields(arg);
        Optional<Account> account = at.isPresent() ? picker.owned().account(turn, at.get().accountId()) : Optional.empty();
        if (account.isEmpty()) {
            return;
        }
        Optional<Note> logged = picker.owned().note(turn, account.get(), at.get().noteId());
        if (logged.isEmpty() || text.length() > Accounts.MAX_NOTE_LENGTH) {
            turn.say(turn.t("note.nothing.pending"));
            return;
        }
        String combined = logged.get().text().isBlank() ? text : logged.get().text() + " — " + text;
        accounts.replaceNote(turn.tx(), account.get(), logged.get().withText(combined));
        turn.say(turn.t("note.saved", Html.escape(account.get().name())));
    }

    private void withObjection(Turn turn, String id, java.util.function.Consumer<Objection> then) {
        Optional<Objection> o = objections.objection(id);
        if (o.isEmpty()) {
            turn.say(turn.t("button.unknown"));
            return;
        }
        then.accept(o.get());
    }
}
