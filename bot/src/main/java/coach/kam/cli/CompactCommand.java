package coach.kam.cli;

import coach.kam.backup.Snapshots;
import coach.kam.store.Compaction;
import coach.kam.store.MapDbStore;
import coach.kam.store.StoreException;
import coach.kam.store.StoreHeld;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code compact}: rewrites the store without what was deleted. A stopped store is rewritten here;
 * a running bot's store is rewritten by the bot on request, while it serves.
 */
@Command(name = "compact", mixinStandardHelpOptions = true,
        description = "Rewrite the store without deleted records and old versions (a running bot does it while it serves).")
final class CompactCommand implements Callable<Integer> {
    @Option(names = "--data", description = "Data folder (default: KAM_DATA_DIR or ./data).")
    Path data;

    @Override
    public Integer call() {
        Path dataDir = Main.config(data).dataDir();
        try {
            Compaction.Done done = MapDbStore.isHeld(dataDir)
                    ? Snapshots.requestCompaction(dataDir, Duration.ofMinutes(30))
                    : Compaction.run(dataDir, Clock.systemUTC());
            System.err.printf("kam-coach: compacted %s: %d records, %,d -> %,d bytes%n", dataDir, done.records(),
                    done.bytesBefore(), done.bytesAfter());
            return 0;
        } catch (StoreHeld e) {
            System.err.println("kam-coach: compact refused: " + e.getMessage());
            return 3;
        } catch (StoreException e) {
            System.err.println("kam-coach: " + e.getMessage());
            return 2;
        } catch (java.io.IOException e) {
            System.err.println("kam-coach: cannot ask the running bot to compact: " + e.getMessage());
            return 2;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 2;
        }
    }
}
