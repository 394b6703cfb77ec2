package coach.kam.conversation;

/** What a shared location does. */
@FunctionalInterface
public interface LocationAction {
    void share(Turn turn, Event.Location location);
}
