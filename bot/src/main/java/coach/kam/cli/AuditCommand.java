package coach.kam.cli;

import coach.kam.audit.Audit;
import coach.kam.config.Config;
import coach.kam.store.MapDbStore;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code audit}: the audit log, newest first (also while the bot runs, from a consistent copy). */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = "Print the audit log, newest first: wrong and throttled codes, joins, restores.")
final class AuditCommand implements Callable<Integer> {
    @Option(names = "--data", description = "Data folder (default: KAM_DATA_DIR or ./data).")
    Path data;

    @Option(names = "--limit", description = "How many entries (default 100).")
    int limit = 100;

    @Override
    public Integer call() throws Exception {
        Config config = Main.config(data);
        Path copy = DataCommands.snapshot(config.dataDir());
        Path dir = Files.createTempDirectory("kam-audit");
        try {
            Files.move(copy, dir.resolve("kam-coach.db"));
            List<Audit.Entry> entries;
            try (MapDbStore store = MapDbStore.open(dir)) {
                entries = store.inTransaction(tx -> Audit.newest(tx, Math.max(1, limit)));
            }
            PrintStream out = Main.utf8Out();
            for (Audit.Entry e : entries) {
                out.println(e.at() + "  user " + e.userId() + "  " + e.action() + (e.detail().isEmpty() ? ""
                        : "  " + e.detail()));
            }
            System.err.println("kam-coach: " + entries.size() + " audit entries");
            return 0;
        } finally {
            DataCommands.deleteTree(dir);
            if (copy.getParent() != null && copy.getParent().getFileName().toString().startsWith("kam-snapshot")) {
                DataCommands.deleteTree(copy.getParent());
            }
        }
    }
}
