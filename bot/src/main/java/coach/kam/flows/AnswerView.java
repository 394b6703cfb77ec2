package coach.kam.flows;

import coach.kam.knowledge.Flow;

/** A stored answer as the rep reads it back (HTML-escaped), for views outside the walkthrough. */
public final class AnswerView {
    private AnswerView() {
    }

    public static String text(Flow.Step step, Answer answer, String lang) {
        return AnswerText.of(step, answer, lang, 120);
    }
}
