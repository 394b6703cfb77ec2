package coach.kam.checkin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.kam.conversation.Reply;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A nudge shows at most eight accounts; those left out are not marked as nudged, so they come the next day. */
class NudgeLimitTest {
    private static final long REP = 1;
    private static final List<String> NAMES = List.of("Acme Foods", "Borealis Retail", "Cobalt Pharma", "Delta Dairy",
            "Ember Textiles", "Fjord Shipping", "Granite Tools", "Harbor Hotels", "Iris Optics", "Juniper Farms");
    @TempDir
    Path dir;

    private static List<String> named(String text) {
        return NAMES.stream().filter(text::contains).toList();
    }

    @Test
    void accountsLeftOutOfAFullNudgeAreNudgedTheNextDay() {
        try (ScheduledCoach coach = new ScheduledCoach(dir, "2026-11-27T02:00:00Z")) {
            coach.say(REP, "/lang en");
            for (String name : NAMES) {
                coach.say(REP, "/new " + name);
                coach.say(REP, "/classify " + name);
                coach.say(REP, "1");
                coach.say(REP, "1");
            }
            coach.due();
            coach.at("2026-12-09T01:00:00Z");
            List<Map.Entry<Long, Reply>> wednesday = coach.due();
            assertEquals(1, wednesday.size(), ScheduledCoach.text(wednesday));
            List<String> first = named(ScheduledCoach.text(wednesday));
            assertEquals(8, first.size(), ScheduledCoach.text(wednesday));

            coach.at("2026-12-10T01:00:00Z");
            String thursday = ScheduledCoach.text(coach.due());
            List<String> second = named(thursday);
            assertEquals(2, second.size(), "the two left out on Wednesday:\n" + thursday);
            assertTrue(second.stream().noneMatch(first::contains), "what was shown stays quiet for a week:\n" + thursday);

            coach.at("2026-12-11T01:00:00Z");
            assertEquals("", ScheduledCoach.text(coach.due()), "everything was shown once");
        }
    }
}
