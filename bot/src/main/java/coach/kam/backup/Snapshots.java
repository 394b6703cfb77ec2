package coach.kam.backup;

import coach.kam.store.Store;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Consistent copies of a running bot's store for other processes. MapDB locks its file, so a
 * command-line export or backup cannot open the store while the bot runs; instead it drops a
 * request file in {@code <data>/requests/}, the bot (which looks every second) writes a copy of
 * the store next to it under its lock, and the command reads that copy. The copy appears whole or
 * not at all.
 */
public final class Snapshots {
    static final String WANT = ".want";
    static final String READY = ".db";

    private Snapshots() {
    }

    static Path folder(Path dataDir) {
        return dataDir.resolve("requests");
    }

    /** In the bot: answers every waiting request with a copy of the store; returns how many. */
    public static int serve(Store store, Path dataDir) {
        Path dir = folder(dataDir);
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        List<Path> wanted;
        try (Stream<Path> files = Files.list(dir)) {
            wanted = files.filter(p -> p.getFileName().toString().endsWith(WANT)).toList();
        } catch (IOException e) {
            return 0;
        }
        int served = 0;
        for (Path want : wanted) {
            String id = want.getFileName().toString();
            id = id.substring(0, id.length() - WANT.length());
            store.copyTo(dir.resolve(id + READY));
            try {
                Files.deleteIfExists(want);
            } catch (IOException e) {
                // the copy is there; the client removes its request too
            }
            served++;
        }
        return served;
    }

    /**
     * From another process: asks the bot holding {@code dataDir} for a copy of its store and
     * returns the copy's path (the caller deletes it). Fails after {@code timeout} with a message
     * saying the bot did not answer.
     */
    public static Path request(Path dataDir, Duration timeout) throws IOException, InterruptedException {
        Path dir = folder(dataDir);
        Files.createDirectories(dir);
        String id = "snapshot-" + UUID.randomUUID();
        Path want = dir.resolve(id + WANT);
        Path ready = dir.resolve(id + READY);
        Path part = dir.resolve(id + ".tmp");
        Files.writeString(part, "a copy of the store, please\n");
        Files.move(part, want, StandardCopyOption.ATOMIC_MOVE);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!Files.exists(ready)) {
            if (System.nanoTime() > deadline) {
                Files.deleteIfExists(want);
                throw new IOException("the bot holding " + dataDir + " did not make a copy of its store within "
                        + timeout.toSeconds() + " s (is it a version without snapshot requests?)");
            }
            Thread.sleep(100);
        }
        Files.deleteIfExists(want);
        return ready;
    }
}
