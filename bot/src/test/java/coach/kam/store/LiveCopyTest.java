package coach.kam.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Copies and compactions made while transactions keep writing: the copy holds whole transactions
 * only (an invariant every transaction keeps holds in the copy), every record no transaction
 * touched is in it, and a compaction keeps every record, serves on, and leaves no deleted text and
 * no stray file behind.
 */
class LiveCopyTest {
    public record Cell(long n, String text) {
    }

    private static final Table<Cell> CELLS = Table.operational("live-copy-cells", Cell.class);
    private static final int RECORDS = 12_000;

    @TempDir
    Path work;

    @Test
    void aCopyMadeWhileTransactionsWriteHoldsWholeTransactions() throws Exception {
        try (MapDbStore store = filled(work.resolve("live"))) {
            Writer writer = new Writer(store);
            writer.start();
            writer.running.await();
            long before = writer.done.get();
            store.copyTo(work.resolve("copy.db"));
            long during = writer.done.get() - before;
            writer.finish();
            assertTrue(during > 0, "transactions ran while the copy was written");
            Path copyDir = Files.createDirectories(work.resolve("copy"));
            Files.move(work.resolve("copy.db"), copyDir.resolve(MapDbStore.FILE_NAME));
            try (MapDbStore copy = MapDbStore.open(copyDir, Clock.systemUTC())) {
                Map<String, Cell> cells = copy.inTransaction(tx -> tx.entries(CELLS, "c/"));
                long total = copy.inTransaction(tx -> tx.get(CELLS, "total")).orElseThrow().n();
                assertEquals(total, cells.values().stream().mapToLong(Cell::n).sum(),
                        "the sum the writer keeps equal to the total is equal in the copy");
                for (int i = RECORDS / 2; i < RECORDS; i++) {
                    assertEquals("fixed " + i, cells.get(key(i)).text(), "a record nobody touched is in the copy");
                }
                assertTrue(copy.check().clean());
            }
        }
    }

    @Test
    void aCompactionWhileServingKeepsEveryRecordAndDropsDeletedText() throws Exception {
        Path dir = work.resolve("compact");
        try (MapDbStore store = filled(dir)) {
            store.inTransaction(tx -> {
                for (int i = 0; i < 500; i++) {
                    tx.put(CELLS, "gone/" + i, new Cell(0, "DELETED-SECRET-" + i + " " + "删".repeat(4000)));
                }
                return null;
            });
            store.inTransaction(tx -> {
                for (int i = 0; i < 500; i++) {
                    tx.delete(CELLS, "gone/" + i);
                }
                return null;
            });
            assertTrue(coach.kam.testing.StoreBytes.count(dir.resolve(MapDbStore.FILE_NAME), "DELETED-SECRET") > 0,
                    "before the compaction the deleted text is in the file");
            Writer writer = new Writer(store);
            writer.start();
            writer.running.await();
            long before = writer.done.get();
            Compaction.Done done = store.compact();
            long during = writer.done.get() - before;
            writer.finish();
            assertTrue(during > 0, "transactions ran while the store was compacted");
            assertTrue(done.bytesAfter() < done.bytesBefore(), done.toString());
            long[] sumAndTotal = sumAndTotal(store);
            assertEquals(sumAndTotal[1], sumAndTotal[0]);
            store.inTransaction(tx -> {
                tx.put(CELLS, "after", new Cell(1, "written after the compaction"));
                return null;
            });
            int cells = store.inTransaction(tx -> tx.entries(CELLS, "c/").size());
            Compaction.Done quiet = store.compact();
            assertEquals(cells + 2L, quiet.records(), "every cell, the total, the new one and nothing deleted");
        }
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(java.util.List.of(MapDbStore.FILE_NAME),
                    left.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(MapDbStore.FILE_NAME)).sorted().toList());
        }
        assertEquals(0, coach.kam.testing.StoreBytes.count(dir.resolve(MapDbStore.FILE_NAME), "DELETED-SECRET"),
                "deleted text is gone from the file");
        try (MapDbStore again = MapDbStore.open(dir, Clock.systemUTC())) {
            assertEquals("written after the compaction",
                    again.inTransaction(tx -> tx.get(CELLS, "after")).orElseThrow().text());
            long[] sumAndTotal = sumAndTotal(again);
            assertEquals(sumAndTotal[1], sumAndTotal[0]);
            assertEquals("fixed " + (RECORDS - 1), again.inTransaction(tx -> tx.get(CELLS, key(RECORDS - 1)))
                    .orElseThrow().text());
            assertTrue(again.check().clean());
        }
    }

    private static long[] sumAndTotal(MapDbStore store) {
        return store.inTransaction(tx -> new long[] {
                tx.entries(CELLS, "c/").values().stream().mapToLong(Cell::n).sum(),
                tx.get(CELLS, "total").orElseThrow().n()});
    }

    private static MapDbStore filled(Path dir) {
        MapDbStore store = MapDbStore.open(dir, Clock.systemUTC());
        for (int from = 0; from < RECORDS; from += 1000) {
            int start = from;
            store.inTransaction(tx -> {
                for (int i = start; i < start + 1000; i++) {
                    tx.put(CELLS, key(i), new Cell(1, "fixed " + i));
                }
                return null;
            });
        }
        store.inTransaction(tx -> {
            tx.put(CELLS, "total", new Cell(RECORDS, "total"));
            return null;
        });
        return store;
    }

    private static String key(int i) {
        return String.format("c/%06d", i);
    }

    /**
     * Transactions that move amounts between cells of the first half, add and delete cells, and keep
     * the total equal to the cells' sum, until stopped.
     */
    private static final class Writer extends Thread {
        final MapDbStore store;
        final CountDownLatch running = new CountDownLatch(10);
        final AtomicLong done = new AtomicLong();
        final AtomicBoolean stop = new AtomicBoolean();
        final AtomicReference<Throwable> failed = new AtomicReference<>();

        Writer(MapDbStore store) {
            super("live-copy-writer");
            this.store = store;
        }

        @Override
        public void run() {
            java.util.Random random = new java.util.Random(7);
            try {
                for (long round = 0; !stop.get(); round++) {
                    long r = round;
                    store.inTransaction(tx -> {
                        String from = key(random.nextInt(RECORDS / 2));
                        String to = key(random.nextInt(RECORDS / 2));
                        Cell a = tx.get(CELLS, from).orElse(null);
                        Cell b = tx.get(CELLS, to).orElse(null);
                        Cell total = tx.get(CELLS, "total").orElseThrow();
                        if (a == null) {
                            tx.put(CELLS, from, new Cell(3, "new " + r));
                            tx.put(CELLS, "total", new Cell(total.n() + 3, "total"));
                        } else if (r % 5 == 0) {
                            tx.delete(CELLS, from);
                            tx.put(CELLS, "total", new Cell(total.n() - a.n(), "total"));
                        } else if (b != null && !from.equals(to)) {
                            tx.put(CELLS, from, new Cell(a.n() + 2, a.text()));
                            tx.put(CELLS, to, new Cell(b.n() - 2, b.text()));
                        }
                        return null;
                    });
                    done.incrementAndGet();
                    running.countDown();
                }
            } catch (Throwable e) {
                failed.set(e);
                while (running.getCount() > 0) {
                    running.countDown();
                }
            }
        }

        void finish() throws InterruptedException {
            stop.set(true);
            join();
            if (failed.get() != null) {
                throw new AssertionError("a writer's transaction failed", failed.get());
            }
        }
    }
}
