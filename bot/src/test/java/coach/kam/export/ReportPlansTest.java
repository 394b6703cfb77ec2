package coach.kam.export;

import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.kam.KamCoach;
import coach.kam.conversation.Event;
import coach.kam.conversation.Reply;
import coach.kam.testing.MutableClock;
import coach.kam.testing.TestCoach;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** report.md lists each plan's dated and annotated items under that plan, with their notes. */
class ReportPlansTest {
    private static final long REP = 7;
    @TempDir
    Path dir;
    private KamCoach coach;

    @AfterEach
    void close() {
        if (coach != null) {
            coach.close();
        }
    }

    private List<Reply> type(String text) {
        return coach.conversation().handle(new Event(REP, REP, null, text, null, null, "en"));
    }

    private List<Reply> press(String data) {
        return coach.conversation().handle(new Event(REP, REP, null, null, data, null, "en"));
    }

    @Test
    void planItemsSitUnderTheirOwnPlanWithTheirNotes() throws Exception {
        coach = TestCoach.start(dir, MutableClock.at("2026-03-02T08:00:00Z"));
        type("/new ACME Ltd");
        String id = type("/accounts").toString().replaceAll("(?s).*acc:(\\d+).*", "$1");
        assertTrue(press("plan:" + id + ":JBP").toString().contains("ACME Ltd"));
        press("pld:" + id + ":JBP:0");
        type("2026-03-20");
        press("pln:" + id + ":JBP:0");
        type("wait for the Q2 numbers");
        press("plan:" + id + ":UP5");
        String reminded = type("/remind ACME Ltd: tomorrow 10am call the buyer").toString();
        String md = ExportImportTest.unzip(ExportImportTest.document(type("/export")).document().content()).get("report.md");
        int jbp = md.indexOf("- JBP ");
        int item = md.indexOf("2026-03-20");
        int note = md.indexOf("📝 wait for the Q2 numbers");
        int five = md.indexOf("- 5 steps ");
        assertTrue(jbp >= 0 && item > jbp && note > jbp && five > item, md);
        assertTrue(md.substring(five).lines().skip(1).noneMatch(l -> l.contains("2026-03-20")), md);
        assertTrue(md.indexOf("call the buyer") > md.indexOf("### Reminders"), reminded + "\n" + md);
    }
}
