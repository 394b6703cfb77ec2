package coach.kam.cli;

import coach.kam.backup.Snapshots;
import coach.kam.config.Config;
import coach.kam.export.DataJson;
import coach.kam.export.Exporter;
import coach.kam.conversation.export.StoreExport;
import coach.kam.knowledge.KnowledgeLoader;
import coach.kam.store.MapDbStore;
import coach.kam.store.StoreException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * export, backup and restore. All three work on a consistent copy of the store: taken directly
 * when no bot holds the data folder, or asked of the running bot (see {@link Snapshots}).
 */
final class DataCommands {
    static final Duration SNAPSHOT_WAIT = Duration.ofSeconds(120);

    private DataCommands() {
    }

    /**
     * A consistent copy of the store in {@code dataDir}, as a file the caller may move or delete:
     * from the running bot if one holds the store, else made here.
     */
    static Path snapshot(Path dataDir) throws IOException, InterruptedException {
        if (MapDbStore.isHeld(dataDir)) {
            System.err.println("kam-coach: the bot is running on " + dataDir + "; asking it for a consistent copy");
            return Snapshots.request(dataDir, SNAPSHOT_WAIT);
        }
        if (!Files.exists(dataDir.resolve("kam-coach.db"))) {
            throw new StoreException("no store in " + dataDir + " (set KAM_DATA_DIR or --data); "
                    + coach.kam.store.DataFolder.wayBack(dataDir), null);
        }
        Path dir = Files.createTempDirectory("kam-snapshot");
        Path copy = dir.resolve("snapshot.db");
        try (MapDbStore store = MapDbStore.open(dataDir)) {
            store.copyTo(copy);
        } catch (RuntimeException e) {
            deleteTree(dir);
            if (e instanceof coach.kam.store.StoreHeld) {
                throw e;
            }
            throw new StoreException(e.getMessage() + ". See what is damaged with: kam-coach check --data " + dataDir
                    + "; " + coach.kam.store.DataFolder.wayBack(dataDir), e);
        }
        return copy;
    }

    /** Everything one rep owns (or everyone's, --all) as the same zip /export sends. */
    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Export a rep's data (or everyone's) as a zip of Markdown, CSV and JSON; works while the bot runs.")
    static final class Export implements Callable<Integer> {
        static final class Who {
            @Option(names = "--user", required = true, description = "Telegram user id of the rep.")
            Long user;

            @Option(names = "--all", required = true, description = "Every rep.")
            boolean all;
        }

        @ArgGroup(exclusive = true, multiplicity = "1")
        Who who;

        @Option(names = "--out", required = true, description = "The zip file to write.")
        Path out;

        @Option(names = "--data", description = "Data folder (default: KAM_DATA_DIR or ./data).")
        Path data;

        @Option(names = "--lang", description = "zh or en for the report (default: the rep's own; en for --all).")
        String lang;

        @Override
        public Integer call() throws Exception {
            Config config = Main.config(data);
            Path copy = snapshot(config.dataDir());
            Path dir = Files.createTempDirectory("kam-export");
            try {
                Files.move(copy, dir.resolve("kam-coach.db"), StandardCopyOption.REPLACE_EXISTING);
                DataJson.Scope scope = who.all ? DataJson.Scope.all() : DataJson.Scope.user(who.user);
                Exporter.Export e;
                try (MapDbStore store = MapDbStore.open(dir)) {
                    e = StoreExport.export(store, coach.kam.Catalogue.tables(), KnowledgeLoader.load(config.knowledgeDir().orElse(null)), scope, lang,
                            Clock.systemDefaultZone(), dir.resolve("out"));
                }
                if (out.toAbsolutePath().getParent() != null) {
                    Files.createDirectories(out.toAbsolutePath().getParent());
                }
                // written record by record into the copy's folder, then moved (or copied across disks) to --out
                Files.move(e.file(), out, StandardCopyOption.REPLACE_EXISTING);
                System.err.println("kam-coach: " + e.accounts() + " accounts, " + e.records() + " records -> " + out);
                return 0;
            } finally {
                deleteTree(dir);
            }
        }
    }

    /** A consistent copy of the whole store. */
    @Command(name = "backup", mixinStandardHelpOptions = true,
            description = "Write a consistent copy of the store (also while the bot runs); restore brings it back.")
    static final class Backup implements Callable<Integer> {
        @Option(names = "--out", description = "The file to write (default: <data>/backups/manual-<time>.db).")
        Path out;

        @Option(names = "--data", description = "Data folder (default: KAM_DATA_DIR or ./data).")
        Path data;

        @Option(names = "--verify", paramLabel = "FILE",
                description = "Check a backup instead of writing one: it opens and every record passes its checksum.")
        Path verify;

        @Override
        public Integer call() throws Exception {
            if (verify != null) {
                return StoreChecks.printFile(verify);
            }
            Config config = Main.config(data);
            Path target = out != null ? out : config.dataDir().resolve("backups").resolve("manual-"
                    + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").format(LocalDateTime.now()) + ".db");
            Path copy = snapshot(config.dataDir());
            if (target.toAbsolutePath().getParent() != null) {
                Files.createDirectories(target.toAbsolutePath().getParent());
            }
            try {
                Files.move(copy, target, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                Files.deleteIfExists(target);
                Files.deleteIfExists(copy);
                throw new StoreException("cannot write the backup " + target + ": " + e.getMessage()
                        + "; the partial file was removed", e);
            }
            System.err.println("kam-coach: backup written to " + target);
            return StoreChecks.printFile(target);
        }
    }

    /** Puts a backup in place of the store; refuses while the bot runs. */
    @Command(name = "restore", mixinStandardHelpOptions = true,
            description = "Replace the store with a backup. Stop the bot first; the current store is kept in backups/.")
    static final class Restore implements Callable<Integer> {
        @Parameters(index = "0", description = "A backup file (from backup or <data>/backups/).")
        Path file;

        @Option(names = "--data", description = "Data folder (default: KAM_DATA_DIR or ./data).")
        Path data;

        @Override
        public Integer call() {
            Config config = Main.config(data);
            return restore(file, config.dataDir());
        }
    }

    static int restore(Path file, Path dataDir) {
        try {
            coach.kam.store.Restore.Done done = coach.kam.store.Restore.run(file, dataDir, Clock.systemDefaultZone());
            try (MapDbStore store = MapDbStore.open(dataDir)) {
                store.inTransaction(tx -> coach.kam.audit.Audit.record(tx, java.time.Instant.now(), 0, "restore",
                        file.getFileName() + (done.replacedWasDamaged() ? ", over a store that could not be opened" : "")));
            }
            System.err.println("kam-coach: restored " + file + " into " + dataDir + " (" + done.records()
                    + " records, all checked)" + done.kept().map(k -> done.replacedWasDamaged()
                            ? "; the store it replaced could not be opened and is kept as " + k
                            : "; the store it replaced is kept as " + k).orElse(""));
            return 0;
        } catch (coach.kam.store.StoreHeld e) {
            System.err.println("kam-coach: restore refused: " + e.getMessage());
            return 3;
        } catch (StoreException e) {
            System.err.println("kam-coach: restore refused: " + e.getMessage());
            return 1;
        }
    }

    static void deleteTree(Path dir) {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // a temporary file left behind
                }
            });
        } catch (IOException e) {
            // nothing to clean
        }
    }
}
