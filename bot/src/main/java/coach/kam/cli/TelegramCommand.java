package coach.kam.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Runs the Telegram bot with long polling. */
@Command(name = "telegram", mixinStandardHelpOptions = true, description = "Run the Telegram bot (long polling).")
final class TelegramCommand implements Callable<Integer> {
    @Override
    public Integer call() throws Exception {
        System.err.println("telegram mode is not built yet");
        return 1;
    }
}
