package coach.kam.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Byte flips in copies of a store with 1,000 notes: a flip never changes a note's text silently.
 * Each flip that takes a note away from a read is reported by {@code check} with its table and key,
 * the other notes still read, and a copy that cannot be opened any more is restored from its
 * backup with one call.
 */
class ByteFlipTest {
    public record Line(int n, String text) {
    }

    private static final Table<Line> LINES = Table.operational("flip-notes", Line.class);

    @TempDir
    Path work;

    @Test
    void flippedBytesAreReportedAndNeverChangeATextSilently() throws Exception {
        Path original = work.resolve("original");
        Map<String, String> texts = new HashMap<>();
        try (MapDbStore store = MapDbStore.open(original)) {
            for (int i = 0; i < 1000; i++) {
                int n = i;
                String text = "拜访 customer " + n + ": price objection, next step call on day " + (n % 28 + 1)
                        + " " + "详".repeat(n % 50);
                texts.put(key(n), text);
                store.inTransaction(tx -> {
                    tx.put(LINES, key(n), new Line(n, text));
                    return null;
                });
            }
            store.copyTo(work.resolve("backup.db"));
        }
        byte[] bytes = Files.readAllBytes(original.resolve(MapDbStore.FILE_NAME));
        Random random = new Random(20261203);
        int opened = 0;
        int refused = 0;
        int noticed = 0;
        int harmless = 0;
        for (int flip = 0; flip < 15; flip++) {
            Path dir = Files.createDirectories(work.resolve("flip-" + flip));
            byte[] copy = bytes.clone();
            // past the file header (a flip there is refused at open, which the restore below covers)
            // the odd flips land anywhere past the file header; the even ones inside a note's text
            int at = flip % 2 == 1 ? 64 + random.nextInt(copy.length - 64)
                    : textAt(copy, texts, random) + 4;
            copy[at] ^= (byte) (1 << random.nextInt(8));
            Files.write(dir.resolve(MapDbStore.FILE_NAME), copy, StandardOpenOption.CREATE_NEW);
            MapDbStore store;
            try {
                store = MapDbStore.open(dir, Clock.systemUTC());
            } catch (StoreException e) {
                refused++;
                Restore.Done done = Restore.run(work.resolve("backup.db"), dir, Clock.systemUTC());
                assertTrue(done.replacedWasDamaged(), "the store that could not open is set aside");
                assertTrue(done.kept().orElseThrow().getFileName().toString().startsWith("corrupt-"));
                try (MapDbStore back = MapDbStore.open(dir)) {
                    assertTrue(back.check().clean());
                    assertEquals(1000, back.inTransaction(tx -> tx.withPrefix(LINES, "")).size());
                }
                continue;
            }
            opened++;
            try (store) {
                CheckReport report = store.check();
                List<String> seen = new ArrayList<>();
                try {
                    for (Map.Entry<String, Line> e : store.inTransaction(tx -> tx.entries(LINES, "")).entrySet()) {
                        assertEquals(texts.get(e.getKey()), e.getValue().text(), "flip at " + at + " changed a text");
                        seen.add(e.getKey());
                    }
                } catch (RuntimeException broken) {
                    assertFalse(report.problems().isEmpty(), "a tree that cannot be walked is reported: " + broken);
                    noticed++;
                    continue;
                }
                if (seen.size() < 1000) {
                    assertFalse(report.clean(), "flip at " + at + " hid " + (1000 - seen.size()) + " notes unreported");
                    for (Store.BadRecord b : report.bad()) {
                        assertEquals("flip-notes", b.table());
                        assertTrue(texts.containsKey(b.key()) || !b.key().isEmpty(), b.toString());
                    }
                    assertEquals(report.bad().size(), 1000 - seen.size(), "each skipped note is named: " + report.bad());
                    noticed++;
                } else {
                    harmless++;
                }
            }
        }
        assertTrue(noticed >= 7, "every flip inside a text is noticed: " + noticed);
        System.out.printf("byte flips: 15 in copies of a 1,000-note store: %d refused at open (restored from the"
                + " backup), %d opened; %d noticed and named by check, %d harmless; 0 texts changed%n", refused, opened,
                noticed, harmless);
    }

    /**
     * Where the ASCII part of a random note is in the file: MapDB packs each character as a number
     * whose last byte has its high bit set, so an ASCII character is one byte with 0x80 added.
     */
    private static int textAt(byte[] file, Map<String, String> texts, Random random) {
        String all = new String(file, java.nio.charset.StandardCharsets.ISO_8859_1);
        for (int tries = 0; tries < 200; tries++) {
            String text = texts.get(key(random.nextInt(1000)));
            String ascii = text.substring(text.indexOf("customer"), text.indexOf(" next step"));
            StringBuilder packed = new StringBuilder();
            for (char c : ascii.toCharArray()) {
                packed.append((char) (c | 0x80));
            }
            int at = all.indexOf(packed.toString());
            if (at >= 0) {
                return at;
            }
        }
        throw new AssertionError("no note's text found in the file");
    }

    private static String key(int n) {
        return "9/" + String.format("%06d", n);
    }
}
