package coach.kam.checkin;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.kam.testing.ChatDriver.Shown;
import coach.kam.testing.CoreDriver;
import coach.kam.testing.MutableClock;
import coach.kam.testing.TestCoach;
import java.nio.file.Files;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Removing a rep, or asking for a new code, replaces the team's join code; the old one is refused. */
class TeamCodeTest {
    private static final long MANAGER = TestCoach.MANAGER;
    private static final long REP = 5;
    private static final long NEWCOMER = 6;
    private static final Pattern JOIN = Pattern.compile("/join ([A-Z0-9]{8})");
    private CoreDriver bot;

    @BeforeEach
    void start() throws Exception {
        bot = new CoreDriver(Files.createTempDirectory("kam-team-code"), MutableClock.at("2026-11-27T02:00:00Z"), "en");
        bot.type(MANAGER, "/lang en");
        bot.type(REP, "/lang en");
        bot.type(NEWCOMER, "/lang en");
    }

    @AfterEach
    void stop() {
        bot.close();
    }

    private String say(long user, String text) {
        List<Shown> shown = bot.type(user, text);
        return String.join("\n", shown.stream().map(Shown::text).toList());
    }

    private static String code(String reply) {
        Matcher m = JOIN.matcher(reply);
        assertTrue(m.find(), "no code in: " + reply);
        return m.group(1);
    }

    private static void assertContains(String reply, String wanted) {
        assertTrue(reply.contains(wanted), "expected '" + wanted + "' in:\n" + reply);
    }

    @Test
    void aRemovedRepCannotRejoinWithTheOldCode() {
        String first = code(say(MANAGER, "/team invite"));
        assertContains(say(REP, "/join " + first), "You joined");
        assertContains(say(MANAGER, "/team"), "1 reps: \n• 5");

        String removed = say(MANAGER, "/team remove " + REP);
        assertContains(removed, "Removed 5");
        String second = code(removed);
        assertNotEquals(first, second);
        assertContains(say(REP, "/join " + first), "replaced");
        assertContains(say(MANAGER, "/team"), "0 reps");

        assertContains(say(MANAGER, "/team invite"), "/join " + second);
        assertContains(say(NEWCOMER, "/join " + second), "You joined");
        assertContains(say(MANAGER, "/team"), "1 reps: \n• 6");
    }

    @Test
    void aNewCodeOnRequestRetiresTheOldOne() {
        String first = code(say(MANAGER, "/team invite"));
        assertContains(say(MANAGER, "/team invite"), "/join " + first);
        String second = code(say(MANAGER, "/team invite new"));
        assertNotEquals(first, second);
        assertContains(say(REP, "/join " + first), "replaced");
        assertContains(say(REP, "/join ZZZZZZZZ"), "not known");
        assertContains(say(REP, "/join " + second), "You joined");
    }

    @Test
    void removingSomeoneNotInTheTeamKeepsTheCode() {
        String first = code(say(MANAGER, "/team invite"));
        String reply = say(MANAGER, "/team remove 77");
        assertFalse(JOIN.matcher(reply).find(), reply);
        assertContains(say(REP, "/join " + first), "You joined");
    }
}
