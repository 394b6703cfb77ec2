package coach.kam.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fault injection at the file: a run of notes through a store whose disk fills up at write number
 * N, for N over the whole run (each of the first 200 writes, then every ninth). After the
 * failure the store takes no writes; the space comes back, and the store either takes writes again
 * by itself (even N) or is closed and opened again, as a restart does (odd N). Every note whose
 * transaction returned is there afterwards, exactly as written, and nothing else.
 */
class DiskFaultTest {
    public record Line(int n, String text) {
    }

    private static final Table<Line> LINES = Table.operational("fault-notes", Line.class);
    private static final int NOTES = 40;

    @TempDir
    Path work;

    @Test
    void aFullDiskAtAnyWriteLosesNoAcknowledgedNote() throws Exception {
        long total = writesOfACleanRun();
        List<Long> points = new ArrayList<>();
        for (long n = 1; n <= total; n += n < 200 ? 1 : 9) {
            points.add(n);
        }
        int failed = 0;
        int reopened = 0;
        int recovered = 0;
        long acknowledged = 0;
        for (long n : points) {
            Path dir = Files.createDirectories(work.resolve("at-" + n));
            Outcome o = runWithFullDiskAt(dir, n, n % 2 == 0);
            failed += o.failures > 0 ? 1 : 0;
            recovered += o.recoveredInPlace ? 1 : 0;
            reopened += o.reopened ? 1 : 0;
            acknowledged += o.acknowledged.size();
            try (MapDbStore plain = MapDbStore.open(dir)) {
                Map<Integer, String> there = new TreeMap<>();
                for (Line l : plain.inTransaction(tx -> tx.withPrefix(LINES, ""))) {
                    there.put(l.n(), l.text());
                }
                for (Map.Entry<Integer, String> a : o.acknowledged.entrySet()) {
                    assertEquals(a.getValue(), there.get(a.getKey()), "note " + a.getKey() + " after a full disk at write "
                            + n + " of " + total);
                }
                for (Map.Entry<Integer, String> t : there.entrySet()) {
                    assertEquals(text(t.getKey()), t.getValue(), "a note that was never written, after write " + n);
                }
                assertEquals(List.of(), plain.damaged(), "no damaged record after write " + n);
            }
        }
        System.out.printf("disk-full fault injection: %d failure points over %d writes, %d hit a write, %d recovered"
                + " in place, %d by reopening, %d acknowledged notes checked, 0 lost%n", points.size(), total, failed,
                recovered, reopened, acknowledged);
        assertTrue(points.size() >= 200, "at least 200 failure points: " + points.size());
        assertTrue(failed >= 200, "at least 200 runs hit the full disk: " + failed);
    }

    private long writesOfACleanRun() throws Exception {
        FaultyDisk disk = new FaultyDisk(0);
        Path dir = Files.createDirectories(work.resolve("clean"));
        try (MapDbStore store = MapDbStore.open(dir, Clock.systemUTC(), disk)) {
            for (int i = 1; i <= NOTES; i++) {
                int n = i;
                store.inTransaction(tx -> {
                    tx.put(LINES, key(n), new Line(n, text(n)));
                    return null;
                });
            }
        }
        return disk.writes();
    }

    private record Outcome(Map<Integer, String> acknowledged, int failures, boolean recoveredInPlace, boolean reopened) {
    }

    /** Notes one at a time; at the first refusal the space comes back and the note is sent again. */
    private Outcome runWithFullDiskAt(Path dir, long failAt, boolean inPlace) {
        FaultyDisk disk = new FaultyDisk(failAt);
        Map<Integer, String> acked = new TreeMap<>();
        MapDbStore store = openOrFree(dir, disk);
        boolean recovered = false;
        boolean reopened = store == null;
        if (store == null) {
            store = MapDbStore.open(dir, Clock.systemUTC(), disk);
        }
        try {
            for (int i = 1; i <= NOTES; i++) {
                int n = i;
                try {
                    store.inTransaction(tx -> {
                        tx.put(LINES, key(n), new Line(n, text(n)));
                        return null;
                    });
                    acked.put(n, text(n));
                } catch (StoreOutage o) {
                    assertTrue(store.outage().isPresent(), "the store says why it takes no writes");
                    assertTrue(o.getMessage().contains("storage full"), o.getMessage());
                    assertFalse(store.recoverNow(), "no writes while the disk is full");
                    disk.free();
                    if (inPlace) {
                        assertTrue(store.recoverNow(), "writes again once there is room: " + store.outage());
                        recovered = true;
                    } else {
                        store.close();
                        store = MapDbStore.open(dir, Clock.systemUTC(), disk);
                        reopened = true;
                    }
                    i--;
                }
            }
        } finally {
            store.close();
        }
        return new Outcome(acked, disk.failures(), recovered, reopened);
    }

    /** Opening writes too: when the disk fills during the open, the open fails, and works once there is room. */
    private static MapDbStore openOrFree(Path dir, FaultyDisk disk) {
        try {
            return MapDbStore.open(dir, Clock.systemUTC(), disk);
        } catch (StoreException e) {
            if (!disk.full()) {
                fail("the open failed without a full disk: " + e.getMessage());
            }
            disk.free();
            return null;
        }
    }

    private static String key(int n) {
        return "7/" + String.format("%06d", n);
    }

    private static String text(int n) {
        return "note " + n + " " + "价格太贵 ".repeat(n % 7 * 40);
    }
}
