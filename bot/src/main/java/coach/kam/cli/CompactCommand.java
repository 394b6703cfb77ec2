package coach.kam.cli;

import coach.kam.store.Compaction;
import coach.kam.store.StoreException;
import coach.kam.store.StoreHeld;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code compact}: rewrites a stopped store without what was deleted. Exit 3 while the bot holds it. */
@Command(name = "compact", mixinStandardHelpOptions = true,
        description = "Rewrite the store without deleted records and old versions (stop the bot first).")
final class CompactCommand implements Callable<Integer> {
    @Option(names = "--data", description = "Data folder (default: KAM_DATA_DIR or ./data).")
    Path data;

    @Override
    public Integer call() {
        Path dataDir = Main.config(data).dataDir();
        try {
            Compaction.Done done = Compaction.run(dataDir, Clock.systemUTC());
            System.err.printf("kam-coach: compacted %s: %d records, %,d -> %,d bytes%n", dataDir, done.records(),
                    done.bytesBefore(), done.bytesAfter());
            return 0;
        } catch (StoreHeld e) {
            System.err.println("kam-coach: compact refused: " + e.getMessage());
            return 3;
        } catch (StoreException e) {
            System.err.println("kam-coach: " + e.getMessage());
            return 2;
        }
    }
}
