package coach.kam.conversation;

/** What a file sent to the chat does. */
@FunctionalInterface
public interface DocumentAction {
    void receive(Turn turn, Event.Attachment attachment);
}
