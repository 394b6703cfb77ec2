package coach.kam.cli;

import coach.kam.config.Config;
import coach.kam.store.CheckReport;
import coach.kam.store.DataFolder;
import coach.kam.store.MapDbStore;
import coach.kam.store.StoreException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code check}: walks a store (or a backup) and reads every record back, printing the records per
 * table and each damaged one with its table and key. Exit 0 when nothing is damaged, 1 when
 * something is, 2 when the store cannot be opened at all (the way back is printed).
 */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Read every record of the store back: records per table and any damaged ones (also while the bot runs).")
final class StoreChecks implements Callable<Integer> {
    @Option(names = "--data", description = "Data folder (default: KAM_DATA_DIR or ./data).")
    Path data;

    @Override
    public Integer call() throws Exception {
        Config config = Main.config(data);
        Path dataDir = config.dataDir();
        if (!Files.exists(dataDir.resolve("kam-coach.db"))) {
            System.err.println("kam-coach: no store in " + dataDir + "; " + DataFolder.wayBack(dataDir));
            return 2;
        }
        if (MapDbStore.isHeld(dataDir)) {
            System.err.println("kam-coach: the bot is running on " + dataDir + "; checking a consistent copy");
            Path copy = DataCommands.snapshot(dataDir);
            try {
                return printFile(copy, dataDir);
            } finally {
                DataCommands.deleteTree(copy.getParent().getFileName().toString().startsWith("kam-snapshot")
                        ? copy.getParent() : copy);
                Files.deleteIfExists(copy);
            }
        }
        CheckReport report;
        try (MapDbStore store = MapDbStore.open(dataDir)) {
            report = store.check();
        } catch (StoreException e) {
            System.err.println("kam-coach: the store in " + dataDir + " cannot be opened: " + e.getMessage() + "; "
                    + DataFolder.wayBack(dataDir));
            return 2;
        }
        return print(report, dataDir);
    }

    /** Checks a store file (a backup, a copy) without changing it: it is opened from a copy. */
    static int printFile(Path file) throws Exception {
        return printFile(file, null);
    }

    private static int printFile(Path file, Path dataDir) throws Exception {
        if (!Files.isRegularFile(file)) {
            System.err.println("kam-coach: no such file: " + file);
            return 2;
        }
        Path dir = Files.createTempDirectory("kam-check");
        try {
            Files.copy(file, dir.resolve("kam-coach.db"), StandardCopyOption.REPLACE_EXISTING);
            CheckReport report;
            try (MapDbStore store = MapDbStore.open(dir)) {
                report = store.check();
            } catch (StoreException e) {
                System.err.println("kam-coach: " + file + " is not a readable KAM Coach store: " + e.getMessage()
                        + (dataDir != null ? "; " + DataFolder.wayBack(dataDir) : ""));
                return 2;
            }
            System.err.println("kam-coach: checked " + file);
            return print(report, dataDir);
        } finally {
            DataCommands.deleteTree(dir);
        }
    }

    private static int print(CheckReport report, Path dataDir) {
        PrintStream out = Main.utf8Out();
        report.lines().forEach(out::println);
        if (!report.clean() && dataDir != null) {
            System.err.println("kam-coach: damaged records are skipped by the bot and named in exports; "
                    + DataFolder.wayBack(dataDir));
        }
        return report.clean() ? 0 : 1;
    }
}
