package coach.kam.checkin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.kam.conversation.Reply;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** "+1 day" and "+1 week" on a reminder keep its local time when the clocks change in between. */
class ReminderSnoozeTest {
    private static final long REP = 1;
    @TempDir
    Path dir;

    private static void assertContains(String reply, String wanted) {
        assertTrue(reply.contains(wanted), "expected '" + wanted + "' in:\n" + reply);
    }

    private static List<Reply> arrived(ScheduledCoach coach) {
        List<Map.Entry<Long, Reply>> out = coach.due();
        assertEquals(1, out.size(), ScheduledCoach.text(out));
        assertContains(ScheduledCoach.text(out), "Reminder: call Li");
        return ScheduledCoach.replies(out);
    }

    @Test
    void aDayLaterIsTheSameLocalTimeAfterTheChangeToWinterTime() {
        try (ScheduledCoach coach = new ScheduledCoach(dir, "2026-10-23T10:00:00Z")) {
            coach.say(REP, "/lang en");
            coach.say(REP, "/settings");
            assertContains(coach.say(REP, "Europe/Berlin"), "Europe/Berlin");
            // Saturday 24 October, 09:00 summer time (07:00 UTC); clocks go back on the night to Sunday
            assertContains(coach.say(REP, "/remind tomorrow 9:00 call Li"), "2026-10-24 Sat 09:00");
            coach.due();
            coach.at("2026-10-24T07:00:00Z");
            List<Reply> reminder = arrived(coach);
            assertContains(coach.press(REP, "+1 day", reminder), "2026-10-25 Sun 09:00");
            assertContains(coach.say(REP, "/reminders"), "2026-10-25 Sun 09:00");
            coach.at("2026-10-25T07:59:00Z");
            assertEquals("", ScheduledCoach.text(coach.due()), "not before 09:00 winter time");
            coach.at("2026-10-25T08:00:00Z");
            arrived(coach);
        }
    }

    @Test
    void aWeekLaterIsTheSameLocalTimeAfterTheChangeToSummerTime() {
        try (ScheduledCoach coach = new ScheduledCoach(dir, "2027-03-23T10:00:00Z")) {
            coach.say(REP, "/lang en");
            coach.say(REP, "/settings");
            assertContains(coach.say(REP, "Europe/Berlin"), "Europe/Berlin");
            // Wednesday 24 March, 09:00 winter time (08:00 UTC); clocks go forward on 28 March
            assertContains(coach.say(REP, "/remind tomorrow 9:00 call Li"), "2027-03-24 Wed 09:00");
            coach.due();
            coach.at("2027-03-24T08:00:00Z");
            List<Reply> reminder = arrived(coach);
            assertContains(coach.press(REP, "+1 week", reminder), "2027-03-31 Wed 09:00");
            coach.at("2027-03-31T07:00:00Z");
            arrived(coach);
        }
    }

    @Test
    void aDayLaterFromAFutureDueTimeIsTheNextCalendarDay() {
        try (ScheduledCoach coach = new ScheduledCoach(dir, "2027-03-26T10:00:00Z")) {
            coach.say(REP, "/lang en");
            coach.say(REP, "/settings");
            coach.say(REP, "Europe/Berlin");
            // set for Saturday 09:00; the first reminder's +1 day pressed before it is due moves it to Sunday
            assertContains(coach.say(REP, "/remind tomorrow 9:00 call Li"), "2027-03-27 Sat 09:00");
            String data = coach.lastReplies().stream().flatMap(r -> r.buttons().stream()).flatMap(List::stream)
                    .findFirst().orElseThrow().data().replace("rem:x:", "rem:1d:");
            assertContains(coach.pressData(REP, data), "2027-03-28 Sun 09:00");
        }
    }
}
