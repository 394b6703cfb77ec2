package coach.kam.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.kam.KamCoach;
import coach.kam.accounts.Accounts;
import coach.kam.conversation.Event;
import coach.kam.conversation.Reply;
import coach.kam.testing.MutableClock;
import coach.kam.testing.TestCoach;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file a rep sends is read only up to the import's caps (bytes, rows, blank lines), whatever its
 * size, and the rep is told why in a short message in their language.
 */
class ImportLimitsTest {
    private static final long REP = 41;
    private static final long MB = 1024 * 1024;

    @TempDir
    Path dir;
    private final MutableClock clock = MutableClock.at("2026-03-02T08:00:00Z");
    private KamCoach coach;

    private KamCoach coach() {
        if (coach == null) {
            coach = TestCoach.start(dir, clock);
        }
        return coach;
    }

    @AfterEach
    void close() {
        if (coach != null) {
            coach.close();
        }
    }

    /** Sends as a rep of its own for each language (a rep's language is kept from the first message). */
    private String send(String lang, String fileName, long size, Event.Content content) {
        long rep = lang.startsWith("zh") ? REP + 1 : REP;
        List<Reply> replies = coach().conversation().handle(new Event(rep, rep, null, null, null, null, lang,
                new Event.Attachment(fileName, size, content)));
        assertTrue(!replies.isEmpty(), "the rep heard nothing");
        return replies.get(replies.size() - 1).plainText();
    }

    /** {@code size} bytes of blank lines, made as they are read; counts what was read. */
    private static InputStream blankLines(long size, AtomicLong read) {
        return new InputStream() {
            @Override
            public int read() {
                if (read.get() >= size) {
                    return -1;
                }
                return read.getAndIncrement() % 2 == 0 ? '\r' : '\n';
            }

            @Override
            public int read(byte[] b, int off, int len) {
                long left = size - read.get();
                if (left <= 0) {
                    return -1;
                }
                int n = (int) Math.min(len, left);
                for (int i = 0; i < n; i++) {
                    b[off + i] = (byte) ((read.get() + i) % 2 == 0 ? '\r' : '\n');
                }
                read.addAndGet(n);
                return n;
            }
        };
    }

    @Test
    void aFileWithoutASizeIsReadOnlyUpToTheCapAndTheRepIsToldItIsTooLarge() {
        for (String lang : List.of("en", "zh-hans")) {
            AtomicLong read = new AtomicLong();
            AtomicInteger opened = new AtomicInteger();
            // size 0: the messenger did not say; the file is 60 MB
            String reply = send(lang, "accounts.csv", 0, Event.Content.streamed(max -> {
                opened.incrementAndGet();
                return blankLines(60 * MB, read);
            }));
            assertEquals(1, opened.get());
            assertTrue(read.get() <= CsvImport.MAX_BYTES + 1, "read " + read.get() + " bytes of a file over the cap");
            assertTrue(reply.contains(lang.equals("en") ? "That file is too large (at most 2 MB)" : "文件太大(最多 2 MB)"),
                    reply);
        }
    }

    @Test
    void aFileWhoseSizeIsOverTheCapIsNotReadAtAll() {
        AtomicInteger opened = new AtomicInteger();
        String reply = send("en", "blank.csv", 5 * MB, Event.Content.streamed(max -> {
            opened.incrementAndGet();
            return blankLines(5 * MB, new AtomicLong());
        }));
        assertEquals(0, opened.get());
        assertTrue(reply.contains("That file is too large (at most 2 MB)"), reply);
    }

    @Test
    void blankLinesStopTheReadingAtTheirOwnCap() {
        for (String lang : List.of("en", "zh")) {
            String csv = "name,class\r\nACME Ltd,A\r\n" + "\r\n".repeat(CsvImport.MAX_BLANK_LINES + 1) + "Globex,B\r\n";
            byte[] bytes = csv.getBytes(StandardCharsets.UTF_8);
            String reply = send(lang, "accounts.csv", bytes.length, () -> bytes);
            int stoppedAt = 2 + CsvImport.MAX_BLANK_LINES + 1;
            if (lang.equals("en")) {
                assertTrue(reply.contains("1 new, 0 updated, 1 rows with errors"), reply);
                assertTrue(reply.contains("rows from " + stoppedAt + " on were not read (more than "
                        + CsvImport.MAX_BLANK_LINES + " blank lines"), reply);
            } else {
                assertTrue(reply.contains("从第 " + stoppedAt + " 行起不再读取(空行超过 " + CsvImport.MAX_BLANK_LINES + " 行"),
                        reply);
            }
        }
    }

    @Test
    void aCsvOfBlankLinesUpToTheByteCapIsPlannedInBoundedMemory() {
        byte[] blank = "\r\n".repeat((int) (CsvImport.MAX_BYTES / 2)).getBytes(StandardCharsets.US_ASCII);
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        CsvImport.Plan plan = coach().store().inTransaction(tx ->
                CsvImport.plan(tx, new Accounts(), REP, 1, "blank.csv", blank, Instant.now()));
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertEquals(List.of(new CsvImport.Problem(CsvImport.MAX_BLANK_LINES + 1, "import.problem.too.many.blank",
                Integer.toString(CsvImport.MAX_BLANK_LINES))), plan.problems());
        // the file and its text are a few MB; a record for each of its million lines would be far more
        assertTrue(allocated < 32 * MB, "planning a " + blank.length + "-byte file allocated " + allocated + " bytes");
    }

    @Test
    void rowsInErrorCountTowardTheRowCap() {
        String csv = "name,class\r\n" + ",A\r\n".repeat(CsvImport.MAX_ROWS + 1000);
        byte[] bytes = csv.getBytes(StandardCharsets.UTF_8);
        CsvImport.Plan plan = coach().store().inTransaction(tx ->
                CsvImport.plan(tx, new Accounts(), REP, 1, "names.csv", bytes, Instant.now()));
        assertEquals(CsvImport.MAX_ROWS + 1, plan.problems().size());
        assertEquals(new CsvImport.Problem(CsvImport.MAX_ROWS + 2, "import.problem.too.many",
                Integer.toString(CsvImport.MAX_ROWS)), plan.problems().get(CsvImport.MAX_ROWS));
    }
}
