package coach.kam.checkin;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A deadline reminds on its day at the rep's own check-in time, and a reminder waiting for its time keeps its text. */
class ReminderDeadlineTest {
    private static final long REP = 1;
    @TempDir
    Path dir;

    private static void assertContains(String text, String part) {
        assertTrue(text.contains(part), "expected '" + part + "' in: " + text);
    }

    @Test
    void aDeadlineRemindsAtTheCheckInTimeOnItsDay() {
        // Wednesday 25 November 2026, 11:00 in the rep's zone (Asia/Shanghai, the default)
        try (ScheduledCoach coach = new ScheduledCoach(dir, "2026-11-25T03:00:00Z")) {
            coach.say(REP, "/lang en");
            assertContains(coach.say(REP, "remind me to send the quote by friday"), "2026-11-27 Fri 09:00");
            coach.pressData(REP, "cis:d:1");
            assertContains(coach.say(REP, "7:30"), "07:30");
            assertContains(coach.say(REP, "remind me to send the quote by friday"), "2026-11-27 Fri 07:30");
            assertContains(coach.say(REP, "月底前提醒我催回款"), "2026-11-30 Mon 07:30");
            // today's deadline once the check-in time has passed: 16:00
            assertContains(coach.say(REP, "remind me to file the expenses by eod"), "2026-11-25 Wed 16:00");
        }
    }

    @Test
    void theTaskWaitsForItsTime() {
        try (ScheduledCoach coach = new ScheduledCoach(dir, "2026-11-25T03:00:00Z")) {
            coach.say(REP, "/lang zh");
            assertContains(coach.say(REP, "提醒我给王总打电话"), "要提醒的事:给王总打电话");
            String set = coach.say(REP, "明天下午三点");
            assertContains(set, "15:00");
            assertContains(set, "提醒你:给王总打电话");
            assertContains(coach.say(REP, "/reminders"), "给王总打电话");
            // a whole new reminder typed while one waits is set too, and the waiting one is asked again
            assertContains(coach.say(REP, "提醒我给李经理送方案"), "要提醒的事:给李经理送方案");
            String both = coach.say(REP, "后天上午十点提醒我给刘丽发报价单");
            assertContains(both, "提醒你:给刘丽发报价单");
            assertContains(both, "要提醒的事:给李经理送方案");
            assertContains(coach.say(REP, "下周一上午9点"), "提醒你:给李经理送方案");
            assertContains(coach.say(REP, "/reminders"), "待办提醒(3)");
        }
    }
}
