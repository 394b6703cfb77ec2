package coach.kam.conversation.commands;

import coach.kam.conversation.TextAction;
import coach.kam.conversation.Turn;
import coach.kam.objections.Lookup;
import java.util.regex.Pattern;

/**
 * Plain text with no account open: what a customer said gets its objection script, anything else
 * is answered as a methodology question. "客户说太贵了怎么办" is both; the script is the more useful answer.
 */
public final class FreeText implements TextAction {
    /** A question that is clearly about method needs a very close objection match to be read as one. */
    static final double QUESTION_NEEDS = 0.80;
    private static final Pattern QUESTION = Pattern.compile(
            "[?？]|怎么|如何|什么|哪些|为什么|是否|要不要|该不该|能不能|多少|吗$|^(how|what|when|why|which|should|can|do|does|is|are)\\b",
            Pattern.CASE_INSENSITIVE);

    private final ObjectionCommands objections;
    private final AskCommands ask;

    public FreeText(ObjectionCommands objections, AskCommands ask) {
        this.objections = objections;
        this.ask = ask;
    }

    private OwnDataCommands own;

    /** A question about an account the line names is answered from its records. */
    public FreeText withOwnData(OwnDataCommands answers) {
        this.own = answers;
        return this;
    }

    @Override
    public void answer(Turn turn, String text, String ignored) {
        if (own != null && own.answerNamed(turn, text, ask)) {
            return;
        }
        if (!objections.lookup(turn, text, true)) {
            ask.answer(turn, text);
        }
    }

    static boolean isObjection(String text, Lookup found) {
        if (!found.confident()) {
            return false;
        }
        return !QUESTION.matcher(text.strip()).find() || found.similarity() >= QUESTION_NEEDS;
    }
}
