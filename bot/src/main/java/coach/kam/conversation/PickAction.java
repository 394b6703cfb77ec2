package coach.kam.conversation;

/** What a press of one of a one-step question's buttons does; {@code value} is the button's argument. */
@FunctionalInterface
public interface PickAction {
    void pick(Turn turn, String value, String arg);
}
