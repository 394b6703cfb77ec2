package coach.kam.backup;

import coach.kam.store.Store;
import coach.kam.store.StoreException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Consistent copies of a running bot's store for other processes. MapDB locks its file, so a
 * command-line export or backup cannot open the store while the bot runs; instead it drops a
 * request file in {@code <data>/requests/}, the bot (which looks every second) writes a copy of
 * the store next to it under its lock, and the command reads that copy. The copy appears whole or
 * not at all. When the copy cannot be made, the bot answers with a {@code .failed} file holding the
 * reason instead, and the command fails with it.
 */
public final class Snapshots {
    private static final Logger LOG = LoggerFactory.getLogger(Snapshots.class);
    static final String WANT = ".want";
    static final String READY = ".db";
    /** The answer to a request that could not be served: the reason, in one line. */
    static final String FAILED = ".failed";
    /** The answer to a compaction request: records kept, bytes before, bytes after. */
    static final String DONE = ".done";
    static final String COMPACT = "compact-";
    /** Copies tried for one request (one a second) before it is answered as failed. */
    static final int ATTEMPTS = 3;

    private final Store store;
    private final Path dataDir;
    /** request id -> copies that failed so far. */
    private final Map<String, Integer> failures = new HashMap<>();

    /** The bot's side, serving requests for the store in {@code dataDir}. */
    public Snapshots(Store store, Path dataDir) {
        this.store = store;
        this.dataDir = dataDir;
    }

    static Path folder(Path dataDir) {
        return dataDir.resolve("requests");
    }

    /**
     * In the bot: answers every waiting request with a copy of the store; returns how many were
     * answered with a copy. A request whose copy fails is tried again at the next call, and after
     * {@value #ATTEMPTS} failures answered with the reason and removed, so a broken request does not
     * copy the store for ever.
     */
    public synchronized int serve() {
        Path dir = folder(dataDir);
        if (!Files.isDirectory(dir)) {
            failures.clear();
            return 0;
        }
        List<Path> wanted;
        try (Stream<Path> files = Files.list(dir)) {
            wanted = files.filter(p -> p.getFileName().toString().endsWith(WANT)).toList();
        } catch (IOException e) {
            return 0;
        }
        Set<String> waiting = new HashSet<>();
        int served = 0;
        for (Path want : wanted) {
            String id = want.getFileName().toString();
            id = id.substring(0, id.length() - WANT.length());
            waiting.add(id);
            Path ready = dir.resolve(id + READY);
            try {
                if (id.startsWith(COMPACT)) {
                    compactFor(dir, id);
                } else {
                    store.copyTo(ready);
                }
            } catch (RuntimeException e) {
                String reason = e.getMessage() != null ? e.getMessage() : e.toString();
                // a full disk or a store that takes no writes will not be better in a second: answered at once
                boolean hopeless = reason.contains("storage full") || e instanceof coach.kam.store.StoreOutage;
                int failed = failures.merge(id, hopeless ? ATTEMPTS : 1, Integer::sum);
                if (failed < ATTEMPTS) {
                    LOG.warn("snapshot request {}: copy failed (attempt {} of {}), trying again: {}", id, failed,
                            ATTEMPTS, reason);
                    continue;
                }
                LOG.error("snapshot request {}: copy failed {} times, answered as failed: {}", id, failed, reason);
                failures.remove(id);
                answerFailed(dir, id, reason);
                delete(dir.resolve(id + READY + ".part"));
                delete(want);
                continue;
            }
            failures.remove(id);
            // the copy is there; the client removes its request too
            delete(want);
            served++;
        }
        // requests withdrawn by their client (it gave up waiting) are forgotten
        failures.keySet().retainAll(waiting);
        return served;
    }

    /** A compaction asked for by {@code kam-coach compact}: done here, answered with one line. */
    private void compactFor(Path dir, String id) throws java.io.UncheckedIOException {
        coach.kam.store.Compaction.Done done = store.compact();
        answer(dir, id, DONE, done.records() + " " + done.bytesBefore() + " " + done.bytesAfter());
        LOG.info("compacted on request: {} records, {} -> {} bytes", done.records(), done.bytesBefore(),
                done.bytesAfter());
    }

    private static void answer(Path dir, String id, String kind, String line) {
        Path part = dir.resolve(id + kind + ".tmp");
        try {
            Files.writeString(part, line + "\n", StandardCharsets.UTF_8);
            Files.move(part, dir.resolve(id + kind), StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            delete(part);
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * From another process: asks the bot holding {@code dataDir} to compact its store while it serves.
     * Returns the records kept and the file's size before and after.
     */
    public static coach.kam.store.Compaction.Done requestCompaction(Path dataDir, Duration timeout)
            throws IOException, InterruptedException {
        Path dir = folder(dataDir);
        Files.createDirectories(dir);
        String id = COMPACT + UUID.randomUUID();
        Path done = awaitAnswer(dataDir, dir, id, DONE, timeout);
        String[] parts = Files.readString(done, StandardCharsets.UTF_8).strip().split(" ");
        Files.deleteIfExists(done);
        return new coach.kam.store.Compaction.Done(Long.parseLong(parts[1]), Long.parseLong(parts[2]),
                Long.parseLong(parts[0]));
    }

    private static void answerFailed(Path dir, String id, String reason) {
        Path part = dir.resolve(id + FAILED + ".tmp");
        try {
            Files.writeString(part, reason.replaceAll("\\s+", " ").strip() + "\n", StandardCharsets.UTF_8);
            Files.move(part, dir.resolve(id + FAILED), StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            // the request goes all the same; its client times out instead of reading the reason
            LOG.warn("snapshot request {}: cannot write the failure answer: {}", id, e.toString());
            delete(part);
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // left behind; harmless
        }
    }

    /** What to say when no copy came: the bot stopped meanwhile, or it is up but did not answer. */
    static String unanswered(Path dataDir, Duration timeout) {
        if (!coach.kam.store.MapDbStore.isHeld(dataDir)) {
            return "the bot that held " + dataDir + " stopped before it made a copy; run the command again (with no"
                    + " bot running it reads the store itself)";
        }
        return "the bot holding " + dataDir + " did not make a copy of its store within " + timeout.toSeconds()
                + " s; its log says why (a full disk or a store that takes no writes stops copies)";
    }

    /**
     * From another process: asks the bot holding {@code dataDir} for a copy of its store and
     * returns the copy's path (the caller deletes it). Fails with the bot's reason when it could not
     * make the copy (a {@link StoreException}), or after {@code timeout} with a message saying the bot
     * did not answer.
     */
    public static Path request(Path dataDir, Duration timeout) throws IOException, InterruptedException {
        Path dir = folder(dataDir);
        Files.createDirectories(dir);
        return awaitAnswer(dataDir, dir, "snapshot-" + UUID.randomUUID(), READY, timeout);
    }

    private static Path awaitAnswer(Path dataDir, Path dir, String id, String answer, Duration timeout)
            throws IOException, InterruptedException {
        Path want = dir.resolve(id + WANT);
        Path ready = dir.resolve(id + answer);
        Path part = dir.resolve(id + ".tmp");
        Files.writeString(part, "please\n");
        Files.move(part, want, StandardCopyOption.ATOMIC_MOVE);
        Path failed = dir.resolve(id + FAILED);
        long deadline = System.nanoTime() + timeout.toNanos();
        int polls = 0;
        while (!Files.exists(ready)) {
            if (Files.exists(failed)) {
                String reason = Files.readString(failed, StandardCharsets.UTF_8).strip();
                Files.deleteIfExists(failed);
                Files.deleteIfExists(want);
                throw new StoreException("the bot holding " + dataDir + " could not "
                        + (answer.equals(DONE) ? "compact" : "make a copy of") + " its store: " + reason, null);
            }
            if (System.nanoTime() > deadline) {
                Files.deleteIfExists(want);
                throw new StoreException(unanswered(dataDir, timeout), null);
            }
            Thread.sleep(100);
            if (++polls % 20 == 0 && !coach.kam.store.MapDbStore.isHeld(dataDir)) {
                // the bot is gone: no answer will come
                Files.deleteIfExists(want);
                throw new StoreException(unanswered(dataDir, timeout), null);
            }
        }
        Files.deleteIfExists(want);
        return ready;
    }
}
