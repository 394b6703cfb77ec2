package coach.kam.flows;

import coach.kam.knowledge.Flow;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The rules of a walkthrough run, whatever shows it: which steps apply to the answers so far,
 * which step comes next (after an answer, a skip or an edit from the summary), and how a typed
 * answer is read and checked. A run is stored as a dialog of kind {@link #KIND}.
 */
public final class Walkthrough {
    /** The dialog kind of a walkthrough run. */
    public static final String KIND = "walk";
    /** The step of a run whose every step is answered or skipped. */
    public static final String SUMMARY = "summary";

    private Walkthrough() {
    }

    /** The first step that applies to a new run. */
    public static String first(Flow flow) {
        return nextApplicable(flow, Map.of(), -1);
    }

    /** Whether a step is asked, given the answers so far (a step with a condition needs its answer). */
    public static boolean applies(Flow.Step s, Map<String, Answer> answers) {
        if (s.when() == null) {
            return true;
        }
        Answer on = answers.get(s.when().step());
        return on != null && on.ids().stream().anyMatch(s.when().in()::contains);
    }

    /** The first step after index {@code from} that applies, or null when the summary comes next. */
    public static String nextApplicable(Flow flow, Map<String, Answer> answers, int from) {
        for (int i = from + 1; i < flow.steps().size(); i++) {
            if (applies(flow.steps().get(i), answers)) {
                return flow.steps().get(i).id();
            }
        }
        return null;
    }

    /**
     * The step after {@code stepId} was answered or skipped; null means the summary. After an edit
     * from the summary only the unanswered steps that depend on the edited one are asked again.
     */
    public static String nextAfter(Flow flow, Map<String, Answer> answers, String stepId, boolean fromSummary) {
        int from = flow.indexOf(stepId);
        if (!fromSummary) {
            return nextApplicable(flow, answers, from);
        }
        for (int i = from + 1; i < flow.steps().size(); i++) {
            Flow.Step s = flow.steps().get(i);
            if (s.when() != null && s.when().step().equals(stepId) && applies(s, answers) && !answers.containsKey(s.id())) {
                return s.id();
            }
        }
        return null;
    }

    /**
     * Where a run goes on when the step it was on has left the flow file: the first step that
     * applies after the furthest one in its history still in the file (null: the summary).
     */
    public static String afterRemovedStep(Flow flow, Map<String, Answer> answers, List<String> history) {
        int at = -1;
        for (String s : history) {
            at = Math.max(at, flow.indexOf(s));
        }
        return nextApplicable(flow, answers, at);
    }

    /**
     * A typed answer read for the step and checked by the step's validator: the answer, or the
     * message key of what is wrong (with its arguments).
     */
    public static AnswerParser.Result read(Flow.Step step, String typed, String lang, LocalDate today) {
        AnswerParser.Result r = AnswerParser.parse(step, typed, lang, today);
        if (!r.ok()) {
            return r;
        }
        Optional<String> problem = Validators.check(step.validator(), r.answer(), today);
        return problem.isPresent() ? AnswerParser.Result.bad(problem.get()) : r;
    }

    /** The person answer with where they stand added. */
    public static Answer withStance(Answer partial, String stance) {
        Person p = partial.person();
        return new Answer(partial.value(), List.of(), new Person(p.name(), p.title(), stance));
    }

    /** The ticked choices of a multi-choice step in the order the flow file lists them. */
    public static List<String> inWrittenOrder(Flow.Step step, List<String> picked) {
        return step.choices().stream().map(Flow.Choice::id).filter(picked::contains).toList();
    }

    /** Whether a pressed choice is one the step takes (a choice id, or a score from 1 to 5). */
    public static Optional<Answer> pressed(Flow.Step step, String arg) {
        if (step.type() == Flow.Kind.CHOICE && arg != null && step.choice(arg).isPresent()) {
            return Optional.of(new Answer(arg, List.of(arg), null));
        }
        if (step.type() == Flow.Kind.SCORE && arg != null && arg.matches("[1-5]")) {
            return Optional.of(Answer.of(arg));
        }
        return Optional.empty();
    }
}
