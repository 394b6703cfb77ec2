package coach.kam.conversation;

/** What a typed line means while the bot waits for something (a name, a confirmation, ...). */
@FunctionalInterface
public interface TextAction {
    void answer(Turn turn, String text, String pendingArg);
}
