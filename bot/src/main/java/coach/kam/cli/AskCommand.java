package coach.kam.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "ask", mixinStandardHelpOptions = true, description = "Answer a methodology question.")
final class AskCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        return 1;
    }
}
