package coach.kam.testing;

import coach.kam.conversation.Conversation;

/**
 * KAM Coach's command line with a poison installed: a turn on the text "halt now" ends the whole
 * process at once (as a native crash or the out-of-memory killer would), for tests of what a
 * restart does with the update that was running.
 */
public final class HaltingMain {
    private HaltingMain() {
    }

    public static void main(String[] args) {
        Conversation.faultHook = e -> {
            if ("halt now".equals(e.text())) {
                Runtime.getRuntime().halt(137);
            }
        };
        coach.kam.cli.Main.main(args);
    }
}
