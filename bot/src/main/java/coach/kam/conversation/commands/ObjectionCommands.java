package coach.kam.conversation.commands;

import coach.kam.accounts.Account;
import coach.kam.accounts.Accounts;
import coach.kam.accounts.Note;
import coach.kam.conversation.Button;
import coach.kam.conversation.Conversation;
import coach.kam.text.Html;
import coach.kam.conversation.Turn;
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
        b.button("ob", (turn, args) -> withObjection(turn, args, 0, (t, o) -> show(t, o, langArg(t, args, 1), 0)));
        b.button("os", (turn, args) -> withObjection(turn, args, 0, (t, o) ->
                show(t, o, langArg(t, args, 1), args.length > 2 && args[2].matches("\\d") ? Integer.parseInt(args[2]) : 0)));
        b.button("osl", (turn, args) -> withObjection(turn, args, 0, (t, o) -> t.say(card.renderScript(t, o,
                langArg(t, args, 1), args.length > 2 && args[2].matches("\\d") ? Integer.parseInt(args[2]) : 0,
                List.of(), picker.open(t)))));
        b.button("ofb", this::feedback);
        b.button("onew", this::logNew);
        b.button("olog", (turn, args) -> withObjection(turn, args, 0, (t, o) -> chooseAccountToLog(t, o, scriptArg(args, 1))));
        b.button("ologa", (turn, args) -> withObjection(turn, args, 0, (t, o) ->
                picker.fromButton(t, new String[] {args.length > 1 ? args[1] : ""})
                        .ifPresent(a -> log(t, o, a, scriptArg(args, 2)))));
        b.waitingFor("objection-note", this::addNoteToLog);
    }

    private void command(Turn turn, String args) {
        if (args.isBlank()) {
            turn.await("objection", null);
            List<List<Button>> rows = new ArrayList<>();
            for (Objection o : objections.all()) {
                rows.add(List.of(new Button(o.in(turn.lang()).title(), "ob:" + o.id() + ":" + turn.lang())));
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
            rows.add(List.of(new Button(m.title(), "ob:" + m.id() + ":" + turn.lang())));
        }
        objections.remember(turn.tx(), turn.userId(), found.query(), "");
        rows.add(List.of(new Button(turn.t("objection.btn.new"), "onew:" + phraseTag(found.query()))));
        turn.say(turn.t("objection.unsure"), rows);
    }

    private void logNew(Turn turn, String[] args) {
        Optional<ObjectionService.LastLookup> last = objections.last(turn.tx(), turn.userId());
        if (args.length != 1 || last.isEmpty() || !phraseTag(last.get().query()).equals(args[0])) {
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

    private void feedback(Turn turn, String[] args) {
        if (args.length < 4 || !args[2].matches("\\d") || !args[3].matches("[01]") || !List.of("zh", "en").contains(args[1])) {
            turn.say(turn.t("button.unknown"));
            return;
        }
        withObjection(turn, args, 0, (t, o) -> {
            int script = Integer.parseInt(args[2]);
            if (script >= o.in(args[1]).scripts().size()) {
                t.say(t.t("button.unknown"));
                return;
            }
            boolean worked = args[3].equals("1");
            objections.feedback(t.tx(), t.userId(), o.id(), args[1], script, worked);
            logged.feedback(t, o.id(), script, worked);
            t.say(t.t(worked ? "objection.worked" : "objection.failed"));
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
            rows.add(List.of(new Button(a.name(), "ologa:" + o.id() + ":" + a.id() + (script == null ? "" : ":" + script))));
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
        turn.await("objection-note", account.id() + ":" + note.id());
        turn.say(turn.t("objection.logged", Html.escape(o.in(turn.lang()).title()), Html.escape(account.name())));
    }

    private void addNoteToLog(Turn turn, String text, String arg) {
        String[] ids = arg == null ? new String[0] : arg.split(":");
        Optional<Account> account = ids.length == 2 ? picker.fromButton(turn, new String[] {ids[0]}) : Optional.empty();
        if (account.isEmpty()) {
            return;
        }
        Optional<Note> logged = ids[1].matches("\\d{1,18}")
                ? accounts.note(turn.tx(), account.get(), Long.parseLong(ids[1])) : Optional.empty();
        if (logged.isEmpty() || text.length() > Accounts.MAX_NOTE_LENGTH) {
            turn.say(turn.t("note.nothing.pending"));
            return;
        }
        String combined = logged.get().text().isBlank() ? text : logged.get().text() + " — " + text;
        accounts.replaceNote(turn.tx(), account.get(), logged.get().withText(combined));
        turn.say(turn.t("note.saved", Html.escape(account.get().name())));
    }

    private void withObjection(Turn turn, String[] args, int at, java.util.function.BiConsumer<Turn, Objection> then) {
        Optional<Objection> o = args.length > at ? objections.objection(args[at]) : Optional.empty();
        if (o.isEmpty()) {
            turn.say(turn.t("button.unknown"));
            return;
        }
        then.accept(turn, o.get());
    }

    /** A script index from button data, or null when the button predates it or is garbled. */
    private static Integer scriptArg(String[] args, int at) {
        return args.length > at && args[at].matches("\\d") ? Integer.parseInt(args[at]) : null;
    }

    private static String langArg(Turn turn, String[] args, int at) {
        return args.length > at && List.of("zh", "en").contains(args[at]) ? args[at] : turn.lang();
    }
}
