package coach.kam.practice;

import coach.kam.accounts.Accounts;
import coach.kam.knowledge.KnowledgeBase;
import coach.kam.knowledge.Objection;
import coach.kam.retrieval.Embedder;
import coach.kam.store.Tx;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** Drills, quizzes, their schedule and the rep's stats, for the chat commands. */
public final class Practice {
    /** What a drilled answer came to: the moves, its SM-2 grade and the item's next day. */
    public record Drilled(AnswerScorer.Result result, int grade, PracticeStore.Item item, PracticeStore.Stats stats) {
    }

    /** What a quiz answer came to. */
    public record Answered(Quizzes.Question question, boolean right, PracticeStore.Item item) {
    }

    /** How many weak spots /practice stats names. */
    static final int WEAK_SHOWN = 3;

    private final KnowledgeBase knowledge;
    private final PracticeStore store = new PracticeStore();
    private final Drills drills;
    private final Quizzes quizzes;
    private final Cues cues;
    private final Supplier<Optional<Embedder>> model;
    private final AnswerScorer cuesOnly;
    private volatile AnswerScorer withModel;

    private Optional<Roleplay> roleplay = Optional.empty();
    /** The longest answer kept for the customer's next turn. */
    static final int KEPT_ANSWER = 1_000;

    /** {@code model} gives the embedding models once they are loaded (empty before). */
    public Practice(KnowledgeBase knowledge, Cues cues, Accounts accounts, Supplier<Optional<Embedder>> model) {
        this.knowledge = knowledge;
        this.drills = new Drills(knowledge, accounts, store);
        this.quizzes = new Quizzes(knowledge);
        this.cues = cues;
        this.model = model;
        this.cuesOnly = new AnswerScorer(cues, null);
    }

    /** Notes of the customer's words count as met objections when {@code objectionOf} is sure of one. */
    public Practice matchingNotes(java.util.function.Function<String, Optional<String>> objectionOf) {
        drills.matching(objectionOf);
        return this;
    }

    /** The objections a rep voted "it did not work" on, to drill them early. */
    public Practice votedDown(java.util.function.BiFunction<Tx, Long, java.util.Set<String>> disliked) {
        drills.votedDown(disliked);
        return this;
    }

    /** With a language model, the customer pushes back before the feedback. */
    public Practice withRoleplay(Optional<Roleplay> customer) {
        this.roleplay = customer;
        return this;
    }

    public Optional<Roleplay> roleplay() {
        return roleplay;
    }

    /** Starts the talk of a drill with a model: the customer's opening line. */
    public void opened(Tx tx, long rep, String objectionId, String line) {
        if (roleplay.isPresent()) {
            store.talk(tx, rep, new PracticeStore.Talk(objectionId, line, List.of()));
        }
    }

    /** The talk with the rep's new answer added (a talk of another objection starts over). */
    public PracticeStore.Talk said(Tx tx, long rep, String objectionId, String answer) {
        PracticeStore.Talk before = store.talk(tx, rep).filter(t -> t.objectionId().equals(objectionId))
                .orElse(new PracticeStore.Talk(objectionId, "", List.of()));
        List<String> said = new java.util.ArrayList<>(before.said());
        said.add(answer.length() > KEPT_ANSWER ? answer.substring(0, KEPT_ANSWER) : answer);
        PracticeStore.Talk after = new PracticeStore.Talk(objectionId, before.opened(), said);
        store.talk(tx, rep, after);
        return after;
    }

    public void endTalk(Tx tx, long rep) {
        store.talk(tx, rep, null);
    }

    public Optional<Drills.Pick> nextDrill(Tx tx, long rep, LocalDate today) {
        return drills.next(tx, rep, today);
    }

    public Optional<Objection> objection(String id) {
        return knowledge.objection(id);
    }

    /** Scores an answer, schedules the objection again and counts the day. */
    public Drilled answer(Tx tx, long rep, Objection o, String lang, String text, LocalDate today) {
        AnswerScorer.Result r = scorer().score(o, lang, text);
        int grade = grade(r);
        PracticeStore.Item item = store.grade(tx, rep, PracticeStore.DRILL, o.id(), grade, today);
        PracticeStore.Stats stats = store.practised(tx, rep, PracticeStore.DRILL, r.missing(), today);
        return new Drilled(r, grade, item, stats);
    }

    /** SM-2 grade of a drill: one per move found, plus one; a don't-say line caps it at a miss. */
    static int grade(AnswerScorer.Result r) {
        int g = r.present().size() + 1;
        return r.avoid() ? Math.min(2, g) : g;
    }

    public Optional<Quizzes.Question> nextQuestion(Tx tx, long rep, LocalDate today) {
        return drills.nextQuestion(tx, rep, today, quizzes);
    }

    public Optional<Quizzes.Question> question(String id) {
        return quizzes.get(id);
    }

    /** A right answer is a 4, a wrong one a 1 (back the next day). */
    public Optional<Answered> answerQuiz(Tx tx, long rep, String questionId, int choice, LocalDate today) {
        return quizzes.get(questionId).map(q -> {
            boolean right = choice == q.answer();
            PracticeStore.Item item = store.grade(tx, rep, PracticeStore.QUIZ, q.id(), right ? 4 : 1, today);
            store.practised(tx, rep, PracticeStore.QUIZ, List.of(), today);
            return new Answered(q, right, item);
        });
    }

    public PracticeStore.Stats stats(Tx tx, long rep) {
        return store.stats(tx, rep);
    }

    /** The objections and questions with the most misses, then the lowest last grade. */
    public List<PracticeStore.Item> weakest(Tx tx, long rep) {
        return java.util.stream.Stream.concat(store.items(tx, rep, PracticeStore.DRILL).stream(),
                        store.items(tx, rep, PracticeStore.QUIZ).stream())
                .filter(i -> i.misses() > 0 || i.lastGrade() < 3)
                .sorted(Comparator.comparingInt(PracticeStore.Item::misses).reversed()
                        .thenComparingInt(PracticeStore.Item::lastGrade))
                .limit(WEAK_SHOWN).toList();
    }

    /** Items due on or before {@code today}. */
    public long dueCount(Tx tx, long rep, LocalDate today) {
        return java.util.stream.Stream.concat(store.items(tx, rep, PracticeStore.DRILL).stream(),
                store.items(tx, rep, PracticeStore.QUIZ).stream()).filter(i -> !i.due().isAfter(today)).count();
    }

    /** With the models loaded, the scorer that also compares meaning; before, cue words alone. */
    private AnswerScorer scorer() {
        AnswerScorer s = withModel;
        if (s != null) {
            return s;
        }
        Optional<Embedder> e = model.get();
        if (e.isEmpty()) {
            return cuesOnly;
        }
        Embedder embedder = e.get();
        withModel = new AnswerScorer(cues, embedder::embed);
        return withModel;
    }
}
