package coach.kam.cli;

import coach.kam.config.Config;
import coach.kam.pipeline.QuarantineDesk;
import coach.kam.quarantine.Desk;
import coach.kam.quarantine.DeskRequests;
import coach.kam.store.MapDbStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code quarantine list | show ID | retry ID | drop ID}, also while the bot runs (it answers through requests/). */
@Command(name = "quarantine", mixinStandardHelpOptions = true,
        description = "Updates and scheduled turns set aside after failing: list | show ID | retry ID | drop ID.")
final class QuarantineCommand implements Callable<Integer> {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Parameters(arity = "0..2", description = "list (default), show ID, retry ID or drop ID")
    List<String> words = List.of();

    @Option(names = "--data", description = "Data folder (default: KAM_DATA_DIR or ./data).")
    Path data;

    @Override
    public Integer call() throws Exception {
        Config config = Main.config(data);
        String command = String.join(" ", words);
        Desk.Answer answer;
        if (MapDbStore.isHeld(config.dataDir())) {
            answer = DeskRequests.ask(config.dataDir(), command, WAIT);
        } else {
            try (MapDbStore store = MapDbStore.open(config.dataDir())) {
                answer = new QuarantineDesk(store, null, null).run(command);
            }
        }
        (answer.ok() ? Main.utf8Out() : System.err).println(answer.text());
        return answer.ok() ? 0 : 1;
    }
}
