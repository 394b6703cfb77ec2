package coach.kam.conversation.commands;

import coach.kam.accounts.Account;
import coach.kam.accounts.Note;
import coach.kam.conversation.Button;
import coach.kam.conversation.Turn;
import coach.kam.conversation.buttons.NoteButtons;
import coach.kam.conversation.buttons.ObjectionButtons;
import coach.kam.intent.AboutAccount;
import coach.kam.intent.Intent;
import coach.kam.intent.IntentReader;
import coach.kam.intent.Reading;
import coach.kam.objections.Lookup;
import coach.kam.objections.ObjectionService;
import java.util.ArrayList;
import java.util.List;

/**
 * A line typed while an account is open, read by {@link IntentReader}:
 * <ul>
 * <li>a clear question is answered, with "📝 save as a note instead" (nothing is saved unless pressed);</li>
 * <li>what the customer said is saved as a note, with a button for the matching objection card when
 *     the search index is ready and the match is confident;</li>
 * <li>anything else is saved as a note in one message; when the reading was unsure and the line
 *     could be a question, the answer is offered as a button.</li>
 * </ul>
 */
final class OpenAccountText {
    private final NoteCommands notes;
    private final AskCommands ask;
    private final ObjectionService objections;
    private final PendingNotes pending = new PendingNotes();

    OpenAccountText(NoteCommands notes, AskCommands ask, ObjectionService objections) {
        this.notes = notes;
        this.ask = ask;
        this.objections = objections;
    }

    /** With {@code own}, questions about the account are answered from the rep's records. */
    OpenAccountText withOwnData(OwnDataCommands answers) {
        this.own = answers;
        return this;
    }

    private OwnDataCommands own;

    void typed(Turn turn, Account account, String text) {
        Reading r = IntentReader.read(text);
        if (own != null && aboutAccount(turn, account, text, r)) {
            return;
        }
        if (r.intent() == Intent.QUESTION && r.sure() && ask != null) {
            PendingNotes.Pending p = pending.put(turn, account.id(), text);
            ask.answer(turn, text, List.of(NoteButtons.SAVE.button(turn.t("btn.save.as.note"), new NoteButtons.Pending(p.id()))));
            return;
        }
        boolean offerAnswer = ask != null && r.question() > 0 && (r.intent() == Intent.QUESTION || !r.sure());
        List<Button> extra = new ArrayList<>();
        if (r.intent() == Intent.CUSTOMER_WORDS) {
            objectionButton(turn, r.customerWords(), extra);
        }
        notes.save(turn, account, text, note -> {
            List<Button> buttons = new ArrayList<>(extra);
            if (offerAnswer) {
                buttons.add(NoteButtons.ANSWER.button(turn.t("btn.answer.it"), new NoteButtons.At(account.id(), note.id())));
            }
            return buttons;
        });
    }

    /**
     * A question about the account itself ("他们下次招标是什么时候") is answered from its records;
     * one that could also be about method gets both answers in one reply. A question the customer
     * asked ("王总问什么时候交货") is their words, not the rep's question.
     */
    private boolean aboutAccount(Turn turn, Account account, String text, Reading r) {
        AboutAccount.Reading about = AboutAccount.read(text);
        boolean ownQuestion = about.kind() == AboutAccount.Kind.ACCOUNT || about.kind() == AboutAccount.Kind.BOTH;
        if (!ownQuestion || r.signals().contains("a question the customer asked")) {
            return false;
        }
        PendingNotes.Pending p = pending.put(turn, account.id(), text);
        List<Button> save = List.of(NoteButtons.SAVE.button(turn.t("btn.save.as.note"), new NoteButtons.Pending(p.id())));
        boolean both = about.kind() == AboutAccount.Kind.BOTH && ask != null;
        own.answer(turn, account, text, both ? ask.methodAnswer(turn, text) : null, save);
        return true;
    }

    /** "💬 价格太贵: 话术", only with the index ready (never waits for it) and a confident match. */
    private void objectionButton(Turn turn, String said, List<Button> into) {
        if (objections == null || !objections.ready() || said.isBlank()) {
            return;
        }
        Lookup found = objections.lookup(said);
        if (found.matches().isEmpty() || !found.confident()) {
            return;
        }
        objections.objection(found.best().id()).ifPresent(o -> {
            objections.remember(turn.tx(), turn.userId(), found.query(), o.id());
            into.add(ObjectionButtons.SHOW.button(turn.t("btn.objection.card", o.in(found.lang()).title()),
                    new ObjectionButtons.Show(o.id(), found.lang())));
        });
    }

    /** "📝 save as a note instead": the text waiting under that button's id, saved once. */
    void saveInstead(Turn turn, long id, java.util.function.Function<Long, java.util.Optional<Account>> account) {
        var p = pending.take(turn, id);
        if (p.isEmpty()) {
            turn.say(turn.t("note.pending.gone"));
            return;
        }
        account.apply(p.get().accountId()).ifPresent(a -> notes.save(turn, a, p.get().text()));
    }

    /** "❓ answer it" under a saved note: the note's text answered as a question. */
    void answer(Turn turn, Note note) {
        if (ask == null) {
            turn.say(turn.t("button.unknown"));
            return;
        }
        ask.answer(turn, note.text());
    }
}
