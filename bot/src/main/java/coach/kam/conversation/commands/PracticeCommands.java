package coach.kam.conversation.commands;

import coach.kam.conversation.Button;
import coach.kam.conversation.Conversation;
import coach.kam.conversation.Dialog;
import coach.kam.text.Html;
import coach.kam.conversation.Reply;
import coach.kam.conversation.Turn;
import coach.kam.conversation.buttons.SettingButtons;
import coach.kam.intent.PracticeWords;
import coach.kam.knowledge.Objection;
import coach.kam.practice.Drills;
import coach.kam.practice.Move;
import coach.kam.practice.Practice;
import coach.kam.practice.PracticeStore;
import coach.kam.practice.Roleplay;
import coach.kam.practice.Quizzes;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * /practice: the bot plays a customer with an objection and scores the rep's typed answer
 * (which moves were there, which were missing, the model script); /practice quiz asks a question
 * on the method with a button per choice; /practice stats shows the streak and the weak spots.
 * "练习", "考考我", "practice objections", "quiz me" typed as a line start the same. Buttons:
 * "prac:go" (a drill, also from the weekly check-in), "prac:quiz", "prac:stats".
 */
public final class PracticeCommands {
    static final Set<String> STATS = Set.of("stats", "stat", "统计", "进度", "成绩");
    static final Set<String> QUIZ = Set.of("quiz", "test", "小测", "测验", "考考我");

    private final Practice practice;

    public PracticeCommands(Practice practice) {
        this.practice = practice;
    }

    public void register(Conversation.Builder b) {
        b.command("practice", this::command);
        b.button(SettingButtons.PRACTICE, (turn, p) -> pressed(turn, p.value()));
        b.waitingFor("practice-answer", (turn, text, arg) -> answered(turn, text, arg));
        b.waitingFor("practice-quiz", (turn, text, arg) -> quizTyped(turn, text, arg),
                (turn, value, arg) -> quizPicked(turn, value, arg));
        b.textRoute(text -> PracticeWords.read(text) != PracticeWords.Ask.NONE, (turn, text, arg) -> {
            if (PracticeWords.read(text) == PracticeWords.Ask.QUIZ) {
                quiz(turn);
            } else {
                drill(turn);
            }
        });
    }

    private void command(Turn turn, String args) {
        String a = args == null ? "" : args.strip().toLowerCase(Locale.ROOT);
        if (a.isEmpty() || a.equals("drill") || a.equals("陪练")) {
            drill(turn);
        } else if (STATS.contains(a)) {
            new PracticeStats(practice).show(turn, today(turn));
        } else if (QUIZ.contains(a)) {
            quiz(turn);
        } else {
            turn.say(turn.t("practice.usage"));
        }
    }

    /** Forged or old data gets the unknown-button answer and changes nothing. */
    private void pressed(Turn turn, String what) {
        switch (what) {
            case "go" -> drill(turn);
            case "quiz" -> quiz(turn);
            case "stats" -> new PracticeStats(practice).show(turn, today(turn));
            default -> turn.say(turn.t("button.unknown"));
        }
    }

    static String moveKey(Move m) {
        return switch (m) {
            case ACKNOWLEDGE -> "practice.move.acknowledge";
            case ASK -> "practice.move.ask";
            case VALUE -> "practice.move.value";
            case NEXT -> "practice.move.next";
        };
    }

    private static String whyKey(String why) {
        return switch (why) {
            case "due" -> "practice.why.due";
            case "disliked" -> "practice.why.disliked";
            case "met" -> "practice.why.met";
            case "again" -> "practice.why.again";
            default -> "practice.why.new";
        };
    }

    static LocalDate today(Turn turn) {
        return LocalDate.ofInstant(turn.now(), turn.zone());
    }

    private void drill(Turn turn) {
        LocalDate today = today(turn);
        Optional<Drills.Pick> pick = practice.nextDrill(turn.tx(), turn.userId(), today);
        Optional<Objection> o = pick.flatMap(p -> practice.objection(p.objectionId()));
        if (o.isEmpty()) {
            turn.say(turn.t("practice.gone"));
            return;
        }
        Objection.Text text = o.get().in(turn.lang());
        List<String> phrasings = text.phrasings();
        String said = phrasings.get(Math.floorMod(today.getDayOfYear(), Math.min(8, phrasings.size())));
        turn.say(turn.t("practice.drill.intro", turn.t(whyKey(pick.get().why()))) + "\n\n"
                + turn.t("practice.customer", Html.escape(text.title()), Html.escape(said)));
        practice.opened(turn.tx(), turn.userId(), o.get().id(), said);
        turn.await("practice-answer", o.get().id());
    }

    /**
     * With a language model the customer answers back, after the turn commits, until the rep has
     * answered {@link Roleplay#PUSHBACKS} + 1 times; then everything the rep said is scored.
     */
    private Optional<String> talkOn(Turn turn, Objection o, String typed) {
        if (practice.roleplay().isEmpty()) {
            return Optional.of(typed);
        }
        PracticeStore.Talk talk = practice.said(turn.tx(), turn.userId(), o.id(), typed);
        if (talk.said().size() > Roleplay.PUSHBACKS) {
            practice.endTalk(turn.tx(), turn.userId());
            return Optional.of(String.join("\n", talk.said()));
        }
        Roleplay customer = practice.roleplay().get();
        String lang = turn.lang();
        String title = Html.escape(o.in(lang).title());
        String hint = turn.t("practice.roleplay.hint");
        String quiet = turn.t("practice.roleplay.quiet");
        // the customer's line as a template filled in after the model answers, off the store's lock
        String says = turn.t("practice.customer", title, "\u0000");
        turn.await("practice-answer", o.id());
        turn.later(() -> List.of(Reply.of(customer.pushBack(o, lang, talk.opened(), talk.said())
                .map(words -> says.replace("\u0000", Html.escape(words)) + "\n" + hint).orElse(quiet))));
        return Optional.empty();
    }

    private void answered(Turn turn, String typed, String objectionId) {
        Optional<Objection> o = objectionId == null ? Optional.empty() : practice.objection(objectionId);
        if (o.isEmpty()) {
            turn.say(turn.t("practice.gone"));
            return;
        }
        if (typed == null || typed.isBlank()) {
            turn.say(turn.t("practice.empty.answer"));
            turn.await("practice-answer", objectionId);
            return;
        }
        Optional<String> whole = talkOn(turn, o.get(), typed.strip());
        if (whole.isEmpty()) {
            return;
        }
        LocalDate today = today(turn);
        Practice.Drilled d = practice.answer(turn.tx(), turn.userId(), o.get(), turn.lang(), whole.get(), today);
        Objection.Text text = o.get().in(turn.lang());
        StringBuilder out = new StringBuilder(turn.t("practice.feedback.title"));
        for (Move m : Move.values()) {
            out.append('\n').append(d.result().has(m) ? "✅ " : "❌ ").append(turn.t(moveKey(m)));
        }
        if (d.result().missing().isEmpty() && !d.result().avoid()) {
            out.append('\n').append(turn.t("practice.all.moves"));
        }
        if (d.result().avoid()) {
            out.append("\n\n").append(turn.t("practice.avoid.said"));
            text.avoid().stream().limit(3).forEach(a -> out.append("\n• ").append(Html.escape(a)));
        }
        out.append("\n\n").append(turn.t("practice.model")).append('\n').append(Html.escape(text.scripts().get(0)));
        long days = ChronoUnit.DAYS.between(today, d.item().due());
        out.append("\n\n").append(turn.t("practice.next.review", d.item().due(), days));
        turn.say(out.toString(), List.of(List.of(SettingButtons.PRACTICE.button(turn.t("practice.btn.again"), new SettingButtons.Choice("go")),
                SettingButtons.PRACTICE.button(turn.t("practice.btn.quiz"), new SettingButtons.Choice("quiz")))));
    }

    private void quiz(Turn turn) {
        Optional<Quizzes.Question> q = practice.nextQuestion(turn.tx(), turn.userId(), today(turn));
        if (q.isEmpty()) {
            turn.say(turn.t("practice.quiz.none"));
            return;
        }
        ask(turn, q.get());
    }

    private void ask(Turn turn, Quizzes.Question q) {
        Dialog d = turn.await("practice-quiz", q.id());
        List<String> choices = q.choices(turn.lang());
        StringBuilder out = new StringBuilder(turn.t("practice.quiz.title", Html.escape(q.prompt(turn.lang()))));
        List<List<Button>> rows = new ArrayList<>();
        for (int i = 0; i < choices.size(); i++) {
            out.append('\n').append(i + 1).append(". ").append(Html.escape(choices.get(i)));
            rows.add(List.of(turn.choice(d, (i + 1) + ". " + Html.shorten(choices.get(i), 28), "c", Integer.toString(i))));
        }
        turn.say(out.toString(), rows);
    }

    /** "2" or the words of a choice; anything else asks again and keeps the question. */
    private void quizTyped(Turn turn, String typed, String questionId) {
        Optional<Quizzes.Question> q = practice.question(questionId == null ? "" : questionId);
        if (q.isEmpty()) {
            turn.say(turn.t("practice.quiz.none"));
            return;
        }
        String t = typed == null ? "" : typed.strip();
        List<String> choices = q.get().choices(turn.lang());
        for (int i = 0; i < choices.size(); i++) {
            if (t.equals(Integer.toString(i + 1)) || t.equalsIgnoreCase(choices.get(i))) {
                quizPicked(turn, Integer.toString(i), questionId);
                return;
            }
        }
        turn.say(turn.t("practice.quiz.typed", choices.size()));
        ask(turn, q.get());
    }

    private void quizPicked(Turn turn, String value, String questionId) {
        int choice = value != null && value.length() == 1 && Character.isDigit(value.charAt(0)) ? value.charAt(0) - '0' : -1;
        Optional<Quizzes.Question> q = practice.question(questionId == null ? "" : questionId);
        if (q.isEmpty() || choice < 0 || choice >= q.get().choices(turn.lang()).size()) {
            turn.say(turn.t("button.unknown"));
            return;
        }
        Practice.Answered a = practice.answerQuiz(turn.tx(), turn.userId(), q.get().id(), choice, today(turn)).orElseThrow();
        String answer = Html.escape(q.get().choices(turn.lang()).get(q.get().answer()));
        turn.say(turn.t(a.right() ? "practice.quiz.right" : "practice.quiz.wrong", answer) + "\n"
                        + turn.t("practice.quiz.source", Html.escape(q.get().source())) + "\n"
                        + turn.t("practice.next.review", a.item().due(), ChronoUnit.DAYS.between(today(turn), a.item().due())),
                List.of(List.of(SettingButtons.PRACTICE.button(turn.t("practice.btn.quiz"), new SettingButtons.Choice("quiz")),
                        SettingButtons.PRACTICE.button(turn.t("practice.btn.again"), new SettingButtons.Choice("go")))));
    }
}
