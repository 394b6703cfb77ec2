package coach.kam.conversation;

/** A chat command such as /new; {@code args} is what follows the command word, trimmed. */
@FunctionalInterface
public interface Command {
    void run(Turn turn, String args);
}
