package coach.kam.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "objection", mixinStandardHelpOptions = true, description = "Find the script for a customer objection.")
final class ObjectionCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        return 1;
    }
}
