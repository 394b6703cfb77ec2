package coach.kam.conversation.buttons;

import coach.kam.conversation.Turn;

/** What a press of a button of one kind does, given the decoded record. */
@FunctionalInterface
public interface Press<T> {
    void press(Turn turn, T pressed);
}
