package coach.kam.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.kam.KamCoach;
import coach.kam.backup.Backups;
import coach.kam.conversation.Button;
import coach.kam.conversation.Event;
import coach.kam.conversation.Reply;
import coach.kam.testing.MutableClock;
import coach.kam.testing.TestCoach;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A phrase no objection matches gets "log as a new objection"; logged phrases are listed by
 * `kam-coach objections unmatched`, while the bot runs and after it stopped.
 */
class UnmatchedObjectionsTest {
    private static final String ODD = "你们的包装颜色太土了,摆在货架上不好看";

    @TempDir
    Path dir;

    @Test
    void aLoggedPhraseIsListedForTheContentOwner() throws Exception {
        Path data = dir.resolve("data");
        MutableClock clock = MutableClock.at("2026-11-27T02:00:00Z");
        try (KamCoach coach = TestCoach.start(data, clock);
             Backups serving = new Backups(coach.store(), data, Optional.empty(), clock).start()) {
            List<Reply> replies = coach.conversation().handle(new Event(41, 41, null, "/o " + ODD, null, null, "zh"));
            String shown = replies.toString();
            assertTrue(shown.contains("话术库里没有和这句很接近的"), shown);
            Button logNew = replies.stream().flatMap(r -> r.buttons().stream()).flatMap(List::stream)
                    .filter(b -> b.data().startsWith("onew:")).findFirst().orElseThrow(() -> new AssertionError(shown));
            assertEquals("📝 记为新异议", logNew.label());
            String logged = coach.conversation().handle(new Event(41, 41, null, null, logNew.data(), null, "zh")).toString();
            assertTrue(logged.contains("已记为新异议") && logged.contains("包装颜色太土"), logged);
            // a second lookup makes the older button stale: it logs nothing
            coach.conversation().handle(new Event(41, 41, null, "/o 太贵了", null, null, "zh"));
            String stale = coach.conversation().handle(new Event(41, 41, null, null, logNew.data(), null, "zh")).toString();
            assertTrue(!stale.contains("已记为新异议"), stale);

            String whileRunning = run("--json", "--data", data.toString());
            assertTrue(whileRunning.contains("\"text\":\"" + ODD + "\""), whileRunning);
            assertTrue(whileRunning.contains("\"times\":1") && whileRunning.contains("\"nearest\":["), whileRunning);
        }
        String stopped = run("--data", data.toString());
        assertTrue(stopped.startsWith("1x\tzh\t" + ODD), stopped);
    }

    private static String run(String... args) {
        PrintStream before = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            String[] all = new String[args.length + 2];
            all[0] = "objections";
            all[1] = "unmatched";
            System.arraycopy(args, 0, all, 2, args.length);
            assertEquals(0, Main.run(all));
        } finally {
            System.setOut(before);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
