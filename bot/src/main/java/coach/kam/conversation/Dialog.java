package coach.kam.conversation;

import coach.kam.flows.Answer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the bot is waiting for from one rep, kept in the store: a one-step question ("the new
 * name?") or a walkthrough read from a flow file. {@code seq} grows with every move, so a button
 * of an older step can be told from a current one. {@code history} holds the steps answered, for back.
 * The answers are the walkthroughs' own records ({@link Answer}).
 *
 * @param kind     the handler that owns it (a one-step wait such as "rename", or "walk")
 * @param flow     the flow id of a walkthrough, else null
 * @param version  the flow definition version the run started with
 * @param returnTo "summary" while an answer is being edited from the summary, else null
 */
public record Dialog(long id, long userId, String kind, String flow, int version, String step, int seq,
                     Map<String, Answer> answers, List<String> history, Long accountId,
                     Map<String, String> context, Instant startedAt, Instant touched, String returnTo) {

    public Dialog {
        answers = answers == null ? Map.of() : Map.copyOf(answers);
        history = history == null ? List.of() : List.copyOf(history);
        context = context == null ? Map.of() : Map.copyOf(context);
    }

    /** Whether a press made for move {@code pressedSeq} still applies. */
    public boolean current(int pressedSeq) {
        return pressedSeq == seq;
    }

    public boolean isWalkthrough() {
        return flow != null;
    }

    public String arg() {
        return context.get("arg");
    }

    /** Moves to {@code next}, remembering the step left for back (unless it is the same step). */
    public Dialog movedTo(String next, Instant now) {
        List<String> h = new ArrayList<>(history);
        if (step != null && !step.equals(next) && !"summary".equals(step)) {
            h.add(step);
        }
        return new Dialog(id, userId, kind, flow, version, next, seq + 1, answers, h, accountId, context,
                startedAt, now, returnTo);
    }

    /** Goes back to the last step in the history, or stays when there is none. */
    public Dialog back(Instant now) {
        if (history.isEmpty()) {
            return this;
        }
        List<String> h = new ArrayList<>(history);
        String previous = h.remove(h.size() - 1);
        return new Dialog(id, userId, kind, flow, version, previous, seq + 1, answers, h, accountId, context,
                startedAt, now, null);
    }

    public Dialog withAnswer(String stepId, Answer answer) {
        Map<String, Answer> a = new LinkedHashMap<>(answers);
        if (answer == null) {
            a.remove(stepId);
        } else {
            a.put(stepId, answer);
        }
        return new Dialog(id, userId, kind, flow, version, step, seq, a, history, accountId, context, startedAt,
                touched, returnTo);
    }

    public Dialog withContext(String key, String value) {
        Map<String, String> c = new LinkedHashMap<>(context);
        if (value == null) {
            c.remove(key);
        } else {
            c.put(key, value);
        }
        return new Dialog(id, userId, kind, flow, version, step, seq, answers, history, accountId, c, startedAt,
                touched, returnTo);
    }

    public Dialog returningTo(String where) {
        return new Dialog(id, userId, kind, flow, version, step, seq, answers, history, accountId, context,
                startedAt, touched, where);
    }

    /** Same step, but older buttons stop working (used when a step's keyboard is shown again). */
    public Dialog bumped(Instant now) {
        return new Dialog(id, userId, kind, flow, version, step, seq + 1, answers, history, accountId, context,
                startedAt, now, returnTo);
    }
}
