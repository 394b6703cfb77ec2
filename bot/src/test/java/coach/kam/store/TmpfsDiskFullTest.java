package coach.kam.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real full disk: the store on a 12 MiB tmpfs, the disk filled to about 1 MiB free, 15,000-character
 * notes until the disk refuses a write. The store stops; once the filler is deleted it takes
 * writes again (in place, then after a close and an open, as a restart does), and every note whose
 * transaction returned is there. Skipped, with the reason, where tmpfs cannot be mounted (not root,
 * or in a container without the right).
 */
class TmpfsDiskFullTest {
    public record Line(int n, String text) {
    }

    private static final Table<Line> LINES = Table.operational("tmpfs-notes", Line.class);

    @TempDir
    Path work;

    @Test
    void aRealFullDiskLosesNoAcknowledgedNote() throws Exception {
        Path mount = Files.createDirectories(work.resolve("disk"));
        Assumptions.assumeTrue(run("mount", "-t", "tmpfs", "-o", "size=12m", "tmpfs", mount.toString()),
                "tmpfs cannot be mounted here (needs root and the mount right); the injected full disk of"
                        + " DiskFaultTest covers the same path");
        try {
            Path data = Files.createDirectories(mount.resolve("data"));
            Map<Integer, String> acked = new LinkedHashMap<>();
            int n = 0;
            int outages = 0;
            for (boolean inPlace : new boolean[] {true, false}) {
                Path filler = fill(mount, 1L << 20);
                MapDbStore store = MapDbStore.open(data, Clock.systemUTC());
                try {
                    while (true) {
                        int k = ++n;
                        String text = k + " " + "价格太贵,需要再谈。".repeat(1500);
                        try {
                            store.inTransaction(tx -> {
                                tx.put(LINES, key(k), new Line(k, text));
                                return null;
                            });
                            acked.put(k, text);
                        } catch (StoreOutage o) {
                            assertTrue(o.getMessage().contains("storage full"), o.getMessage());
                            outages++;
                            break;
                        }
                        assertTrue(k < 10_000, "the disk never filled");
                    }
                    Files.delete(filler);
                    if (inPlace) {
                        assertTrue(store.recoverNow(), "takes writes again once the space is back: " + store.outage());
                    } else {
                        store.close();
                        store = MapDbStore.open(data, Clock.systemUTC());
                    }
                    int k = ++n;
                    store.inTransaction(tx -> {
                        tx.put(LINES, key(k), new Line(k, "after"));
                        return null;
                    });
                    acked.put(k, "after");
                } finally {
                    store.close();
                }
            }
            try (MapDbStore store = MapDbStore.open(data)) {
                List<Line> there = store.inTransaction(tx -> tx.withPrefix(LINES, ""));
                Map<Integer, String> byN = new LinkedHashMap<>();
                there.forEach(l -> byN.put(l.n(), l.text()));
                for (Map.Entry<Integer, String> a : acked.entrySet()) {
                    assertEquals(a.getValue(), byN.get(a.getKey()), "acknowledged note " + a.getKey());
                }
                assertTrue(store.check().clean());
            }
            System.out.printf("tmpfs full disk: %d outages, %d acknowledged notes of 15,000 characters, 0 lost%n",
                    outages, acked.size());
            assertEquals(2, outages);
        } finally {
            run("umount", mount.toString());
        }
    }

    /** A file that leaves about {@code leave} bytes free on the disk. */
    private static Path fill(Path mount, long leave) throws IOException {
        Path filler = mount.resolve("filler-" + System.nanoTime());
        long free = Files.getFileStore(mount).getUsableSpace();
        try (RandomAccessFile f = new RandomAccessFile(filler.toFile(), "rw")) {
            byte[] block = new byte[1 << 16];
            for (long written = 0; written < free - leave; written += block.length) {
                f.write(block, 0, (int) Math.min(block.length, free - leave - written));
            }
        }
        return filler;
    }

    private static boolean run(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String key(int n) {
        return "7/" + String.format("%06d", n);
    }
}
