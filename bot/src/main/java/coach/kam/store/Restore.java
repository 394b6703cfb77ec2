package coach.kam.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Putting a backup in place of the store. The backup is checked first (it opens, and every record
 * passes its checksum) in a folder of its own that is removed whatever happens, so a refused restore
 * leaves nothing behind. A store held by a running bot (its file lock is taken) is refused; a store
 * that cannot be opened is moved to {@code backups/corrupt-*.db} and replaced; a store that opens
 * is kept as {@code backups/before-restore-*.db}.
 */
public final class Restore {
    /** What a restore did: where the store it replaced went (if there was one), and whether it was damaged. */
    public record Done(Optional<Path> kept, boolean replacedWasDamaged, long records) {
    }

    private Restore() {
    }

    public static Done run(Path copyFile, Path dataDir, Clock clock) {
        if (!Files.isRegularFile(copyFile)) {
            throw new StoreException("no such backup file: " + copyFile, null);
        }
        if (MapDbStore.isHeld(dataDir)) {
            throw new StoreHeld("the store in " + dataDir + " is held by a running KAM Coach process (its file lock"
                    + " is taken); stop the bot, then run restore again", null);
        }
        Path check = null;
        try {
            Files.createDirectories(dataDir);
            check = Files.createTempDirectory(dataDir, "restore-");
            Files.copy(copyFile, check.resolve(MapDbStore.FILE_NAME));
            CheckReport report = verify(copyFile, check, clock);
            boolean damaged = !opens(dataDir, clock);
            Optional<Path> kept = moveAside(dataDir, damaged, clock);
            Files.move(check.resolve(MapDbStore.FILE_NAME), dataDir.resolve(MapDbStore.FILE_NAME),
                    StandardCopyOption.ATOMIC_MOVE);
            return new Done(kept, damaged, report.records());
        } catch (IOException e) {
            throw new StoreException("cannot restore " + copyFile + " into " + dataDir + ": " + Faults.describe(e)
                    + "; the store was not changed", e);
        } finally {
            if (check != null) {
                deleteTree(check);
            }
        }
    }

    /** The copy opens and every record in it reads back; else the restore is refused with what is wrong. */
    static CheckReport verify(Path copyFile, Path dir, Clock clock) {
        CheckReport report;
        try (MapDbStore copy = MapDbStore.open(dir, clock)) {
            report = copy.check();
        } catch (StoreException e) {
            throw new StoreException("the backup " + copyFile + " is not a readable KAM Coach store ("
                    + Faults.describe(e.getCause() != null ? e.getCause() : e) + "); nothing was changed", e);
        }
        if (!report.clean()) {
            throw new StoreException("the backup " + copyFile + " has damaged records ("
                    + String.join("; ", report.lines().subList(report.counts().size(), report.lines().size() - 1))
                    + "); nothing was changed; try an older backup", null);
        }
        return report;
    }

    private static boolean opens(Path dataDir, Clock clock) {
        if (!Files.exists(dataDir.resolve(MapDbStore.FILE_NAME))) {
            return true;
        }
        try {
            MapDbStore.open(dataDir, clock).close();
            return true;
        } catch (StoreHeld e) {
            throw e;
        } catch (StoreException e) {
            return false;
        }
    }

    /** Moves the current store (and what its commits left) to backups/, as before-restore-* or corrupt-*. */
    private static Optional<Path> moveAside(Path dataDir, boolean damaged, Clock clock) throws IOException {
        Path file = dataDir.resolve(MapDbStore.FILE_NAME);
        Path backups = DataFolder.backups(dataDir);
        Files.createDirectories(backups);
        String stamp = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").format(LocalDateTime.now(clock));
        Path kept = backups.resolve((damaged ? "corrupt-" : "before-restore-") + stamp + ".db");
        boolean had = Files.exists(file);
        if (had) {
            Files.move(file, kept, StandardCopyOption.REPLACE_EXISTING);
        }
        try (Stream<Path> left = Files.list(dataDir)) {
            for (Path p : left.toList()) {
                String n = p.getFileName().toString();
                if (n.startsWith(MapDbStore.FILE_NAME + ".")) {
                    // the write-ahead log and redo journal belong to the store that went
                    Files.move(p, backups.resolve(kept.getFileName() + n.substring(MapDbStore.FILE_NAME.length())),
                            StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        return had ? Optional.of(kept) : Optional.empty();
    }

    /** Deletes a folder and what it holds, quietly (what cannot be deleted stays). */
    public static void deleteTree(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // left behind; nothing more to do
                }
            });
        } catch (IOException e) {
            // nothing to remove
        }
    }
}
