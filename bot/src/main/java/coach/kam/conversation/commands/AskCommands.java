package coach.kam.conversation.commands;

import coach.kam.accounts.Accounts;
import coach.kam.ask.Answer;
import coach.kam.ask.AskService;
import coach.kam.ask.LastAnswer;
import coach.kam.conversation.Button;
import coach.kam.conversation.Conversation;
import coach.kam.text.Html;
import coach.kam.conversation.Messages;
import coach.kam.conversation.Reply;
import coach.kam.conversation.Turn;
import coach.kam.conversation.buttons.KnowledgeButtons;
import coach.kam.knowledge.KnowledgeBase;
import coach.kam.knowledge.Topic;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** /ask and questions typed as plain text: an answer with its sources and buttons to read further. */
public final class AskCommands {
    private final AskService ask;
    private final KnowledgeBase knowledge;
    private final KnowledgeCommands topics;
    private final Messages messages;
    private final Accounts accounts;
    private final boolean shareNotes;

    /** With {@code shareNotes}, a question asked while an account is open sends that account's latest notes to the model. */
    public AskCommands(AskService ask, KnowledgeBase knowledge, KnowledgeCommands topics, Messages messages,
                       Accounts accounts, boolean shareNotes) {
        this.ask = ask;
        this.knowledge = knowledge;
        this.topics = topics;
        this.messages = messages;
        this.accounts = accounts;
        this.shareNotes = shareNotes;
    }

    public void register(Conversation.Builder b) {
        b.command("ask", (turn, args) -> {
            if (args.isBlank()) {
                turn.await("ask", null);
                turn.say(turn.t("ask.what"));
            } else {
                answer(turn, args);
            }
        });
        b.waitingFor("ask", (turn, text, arg) -> answer(turn, text));
        b.questions((turn, text, arg) -> answer(turn, text));
        b.button(KnowledgeButtons.SOURCE, (turn, p) -> openSource(turn, p.index()));
    }

    void answer(Turn turn, String question) {
        answer(turn, question, List.of());
    }

    /**
     * Answers now when the index is ready and no model is involved; otherwise after the turn commits.
     * {@code extra} buttons (such as "save as a note instead") go in a row under the answer.
     */
    void answer(Turn turn, String question, List<Button> extra) {
        if (coach.kam.conversation.CommandWords.invisibleOnly(question)) {
            turn.say(turn.t("empty.message"));
            return;
        }
        if (!ask.ready()) {
            turn.say(turn.t("ask.wait"));
            turn.redoAfter(ask::awaitReady);
            return;
        }
        if (!ask.usesModel()) {
            Answer a = ask.answerNow(question);
            LastAnswer.save(turn.tx(), turn.userId(), a);
            turn.say(withRow(render(a, turn.lang()), extra));
            return;
        }
        String lang = turn.lang();
        long userId = turn.userId();
        List<String> notes = notesToShare(turn);
        turn.later(() -> List.of(withRow(render(ask.answer(userId, question, notes), lang), extra)));
    }

    /**
     * The methodology answer for a reply that also carries the rep's own records: made now when no
     * model is involved (and kept for its source buttons), else after the commit; null while the
     * index is still loading.
     */
    java.util.function.Supplier<Reply> methodAnswer(Turn turn, String question) {
        if (!ask.ready()) {
            return null;
        }
        String lang = turn.lang();
        if (!ask.usesModel()) {
            Answer a = ask.answerNow(question);
            LastAnswer.save(turn.tx(), turn.userId(), a);
            Reply r = render(a, lang);
            return () -> r;
        }
        long userId = turn.userId();
        List<String> notes = notesToShare(turn);
        return () -> render(ask.answer(userId, question, notes), lang);
    }

    private static Reply withRow(Reply r, List<Button> row) {
        if (row.isEmpty()) {
            return r;
        }
        List<List<Button>> rows = new ArrayList<>(r.buttons());
        rows.add(row);
        return new Reply(r.html(), rows);
    }

    private List<String> notesToShare(Turn turn) {
        if (!shareNotes) {
            return List.of();
        }
        return new AccountPicker(accounts).open(turn)
                .map(a -> accounts.recentNotes(turn.tx(), a, 0, 5).stream().map(n -> n.text()).filter(t -> !t.isBlank()).toList())
                .orElse(List.of());
    }

    Reply render(Answer a, String uiLang) {
        if (!a.covered()) {
            List<List<Button>> rows = new ArrayList<>();
            for (String id : a.closestTopics()) {
                knowledge.topic(id, a.lang()).ifPresent(t -> rows.add(List.of(KnowledgeButtons.TOPIC.button("📖 " + t.title(), new KnowledgeButtons.Topic(id, 0)))));
            }
            return new Reply(messages.get(a.lang(), "ask.not.covered"), rows);
        }
        StringBuilder html = new StringBuilder(Html.fromMarkdown(a.text()));
        html.append("\n\n").append(messages.get(a.lang(), "ask.sources"));
        a.sources().stream().limit(2).forEach(s -> html.append("\n• ").append(Html.escape(s.title()))
                .append(" › ").append(Html.escape(s.section())));
        List<Button> row = new ArrayList<>();
        row.add(KnowledgeButtons.SOURCE.button(messages.get(a.lang(), "btn.full.section"), new KnowledgeButtons.Source(0)));
        if (a.sources().size() > 1) {
            row.add(KnowledgeButtons.SOURCE.button(messages.get(a.lang(), "btn.next.source"), new KnowledgeButtons.Source(1)));
        }
        return new Reply(html.toString(), List.of(row));
    }

    private void openSource(Turn turn, int i) {
        Optional<LastAnswer> last = LastAnswer.of(turn.tx(), turn.userId());
        if (last.isEmpty() || i >= last.get().sources().size()) {
            turn.say(turn.t("button.unknown"));
            return;
        }
        Answer.Source s = last.get().sources().get(i);
        Optional<Topic> topic = knowledge.topic(s.topic(), s.lang());
        int section = topic.map(t -> indexOf(t, s.section())).orElse(0);
        topics.openTopic(turn, s.topic(), section);
        if (i + 1 < last.get().sources().size()) {
            turn.say(turn.t("ask.more.sources"), List.of(List.of(KnowledgeButtons.SOURCE.button(turn.t("btn.next.source"), new KnowledgeButtons.Source(i + 1)))));
        }
    }

    private static int indexOf(Topic t, String heading) {
        for (int i = 0; i < t.sections().size(); i++) {
            if (t.sections().get(i).heading().equals(heading)) {
                return i;
            }
        }
        return 0;
    }
}
