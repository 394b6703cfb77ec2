package coach.kam.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.kam.store.MapDbStore;
import coach.kam.store.Store;
import coach.kam.store.StoreException;
import coach.kam.store.Tx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Snapshot requests from another process, answered by the bot; a copy that fails is answered as failed. */
class SnapshotsTest {
    @TempDir
    Path dir;

    /** The real store, whose copies fail as on a full disk; counts the copies tried. */
    static class CopyFails implements Store {
        final Store real;
        final AtomicInteger copies = new AtomicInteger();

        CopyFails(Store real) {
            this.real = real;
        }

        @Override
        public <T> T inTransaction(Function<Tx, T> work) {
            return real.inTransaction(work);
        }

        @Override
        public void copyTo(Path file) {
            copies.incrementAndGet();
            throw new StoreException("cannot write the copy " + file + ": No space left on device", null);
        }

        @Override
        public void close() {
        }
    }

    /** Waits (bounded) until the client dropped its request file, looking again whenever the client did not end. */
    static void awaitRequest(Path dataDir, CompletableFuture<?> client) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (requestFiles(dataDir).stream().noneMatch(n -> n.endsWith(Snapshots.WANT))) {
            if (System.nanoTime() > deadline || client.isDone()) {
                throw new AssertionError("no request appeared");
            }
            try {
                client.get(10, TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.TimeoutException stillAsking) {
                // the client is still waiting for its copy: look for its request again
            }
        }
    }

    static List<String> requestFiles(Path dataDir) throws Exception {
        Path folder = Snapshots.folder(dataDir);
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aRequestWhoseCopyFailsIsTriedAFewTimesThenAnsweredAsFailedAndRemoved() throws Exception {
        try (MapDbStore real = MapDbStore.open(dir)) {
            CopyFails store = new CopyFails(real);
            Snapshots bot = new Snapshots(store, dir);
            CompletableFuture<Path> client = CompletableFuture.supplyAsync(() -> {
                try {
                    return Snapshots.request(dir, Duration.ofSeconds(60));
                } catch (Exception e) {
                    throw new java.util.concurrent.CompletionException(e);
                }
            });
            awaitRequest(dir, client);
            for (int i = 0; i < Snapshots.ATTEMPTS; i++) {
                assertEquals(0, bot.serve());
            }
            Throwable failed = assertThrowsCompletion(client);
            assertInstanceOf(StoreException.class, failed);
            assertTrue(failed.getMessage().contains("could not make a copy of its store")
                    && failed.getMessage().contains("No space left on device"), failed.getMessage());
            assertFalse(failed.getMessage().contains("version without snapshot requests"), failed.getMessage());
            assertEquals(Snapshots.ATTEMPTS, store.copies.get());

            for (int i = 0; i < 5; i++) {
                bot.serve();
            }
            assertEquals(Snapshots.ATTEMPTS, store.copies.get(), "the failed request is gone: no more copies");
            assertEquals(List.of(), requestFiles(dir), "nothing is left in the requests folder");
        }
    }

    @Test
    void aCopyThatFailsOnceIsServedAtTheNextTry() throws Exception {
        try (MapDbStore real = MapDbStore.open(dir)) {
            AtomicInteger copies = new AtomicInteger();
            Store store = new CopyFails(real) {
                @Override
                public void copyTo(Path file) {
                    if (copies.incrementAndGet() == 1) {
                        super.copyTo(file);
                    }
                    real.copyTo(file);
                }
            };
            Snapshots bot = new Snapshots(store, dir);
            CompletableFuture<Path> client = CompletableFuture.supplyAsync(() -> {
                try {
                    return Snapshots.request(dir, Duration.ofSeconds(60));
                } catch (Exception e) {
                    throw new java.util.concurrent.CompletionException(e);
                }
            });
            awaitRequest(dir, client);
            assertEquals(0, bot.serve());
            assertEquals(1, bot.serve());
            Path copy = client.get(20, TimeUnit.SECONDS);
            assertTrue(Files.size(copy) > 0);
            Files.delete(copy);
            assertEquals(List.of(), requestFiles(dir));
        }
    }

    static Throwable assertThrowsCompletion(CompletableFuture<?> future) throws Exception {
        try {
            future.get(20, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            return e.getCause();
        }
        throw new AssertionError("the request did not fail");
    }
}
