package coach.kam.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The data folder as the bot starts on it: the store, its {@code backups/}, and what to say when the
 * store cannot be used. Every error that stops a start names {@code backups/} and the exact
 * {@code restore} command for the newest backup; a store that is missing next to backups is not
 * replaced by an empty one unless asked ({@code --new-store}, {@code KAM_NEW_STORE=true}).
 */
public final class DataFolder {
    /** Bytes that must stay free in the data folder for writes, unless KAM_MIN_FREE_MB says otherwise. */
    static final long DEFAULT_MIN_FREE_MB = 32;
    /** Size of the space reserve file, unless KAM_SPACE_RESERVE_MB says otherwise (0: none). */
    static final long DEFAULT_RESERVE_MB = 16;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private DataFolder() {
    }

    public static Path backups(Path dataDir) {
        return dataDir.resolve("backups");
    }

    /** The newest backup in {@code backups/} (daily or manual copies; not the set-aside corrupt stores). */
    public static Optional<Path> newestBackup(Path dataDir) {
        Path dir = backups(dataDir);
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> {
                String n = p.getFileName().toString();
                return n.endsWith(".db") && !n.startsWith("corrupt-") && Files.isRegularFile(p);
            }).max(Comparator.comparing(DataFolder::modified));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static FileTime modified(Path p) {
        try {
            return Files.getLastModifiedTime(p);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }

    /** The way back, in one sentence: the restore command for the newest backup, or that there is none. */
    public static String wayBack(Path dataDir) {
        Path dir = backups(dataDir).toAbsolutePath();
        return newestBackup(dataDir).map(b -> "the newest backup in " + dir + " is " + b.getFileName() + " (written "
                + WHEN.withZone(ZoneId.systemDefault()).format(modified(b).toInstant()) + "); bring it back with: "
                + "kam-coach restore " + b.toAbsolutePath() + " --data " + dataDir.toAbsolutePath())
                .orElse("there is no backup in " + dir + " to restore");
    }

    /**
     * Opens the store for the bot: refuses to start empty next to backups unless {@code newStore},
     * names the way back on any other failure, and watches free space (KAM_MIN_FREE_MB,
     * KAM_SPACE_RESERVE_MB in {@code env}).
     */
    public static MapDbStore openForBot(Path dataDir, java.time.Clock clock, boolean newStore, Map<String, String> env) {
        Path file = dataDir.resolve(MapDbStore.FILE_NAME);
        if (!Files.exists(file) && newestBackup(dataDir).isPresent() && !newStore && !newStoreAllowed(env)) {
            throw new StoreException("there is no store (" + MapDbStore.FILE_NAME + ") in " + dataDir.toAbsolutePath()
                    + ", but its backups/ folder holds backups, so it does not start with an empty store: "
                    + wayBack(dataDir) + "; or start an empty store with --new-store (KAM_NEW_STORE=true)", null);
        }
        MapDbStore store;
        try {
            store = MapDbStore.open(dataDir, clock);
        } catch (StoreHeld e) {
            throw e;
        } catch (StoreException e) {
            throw new StoreException(e.getMessage() + ". See what is damaged with: kam-coach check --data "
                    + dataDir.toAbsolutePath() + "; " + wayBack(dataDir), e);
        }
        SpaceWatch watch = SpaceWatch.of(dataDir, megabytes(env, "KAM_MIN_FREE_MB", DEFAULT_MIN_FREE_MB),
                megabytes(env, "KAM_SPACE_RESERVE_MB", DEFAULT_RESERVE_MB));
        watch.reserve();
        return store.watching(watch);
    }

    /** Whether an empty store may be started where one is missing next to backups. */
    public static boolean newStoreAllowed(Map<String, String> env) {
        return "true".equalsIgnoreCase(env.getOrDefault("KAM_NEW_STORE", "").strip())
                || Boolean.getBoolean("kam.newStore");
    }

    private static long megabytes(Map<String, String> env, String name, long fallback) {
        String v = env.get(name);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        try {
            long mb = Long.parseLong(v.strip());
            if (mb >= 0) {
                return mb;
            }
        } catch (NumberFormatException e) {
            // falls through to the message
        }
        throw new StoreException(name + " must be a number of megabytes (0 or more), not \"" + v + "\"", null);
    }
}
