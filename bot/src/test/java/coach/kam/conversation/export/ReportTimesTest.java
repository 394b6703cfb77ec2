package coach.kam.conversation.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** accounts.csv times are whole seconds, as a spreadsheet reads them. */
class ReportTimesTest {

    @Test
    void timesInTheCsvHaveNoFractionOfASecond() {
        assertEquals("2026-11-27T02:00:00Z", Report.iso(Instant.parse("2026-11-27T02:00:00.123456789Z")));
        assertEquals("2026-11-27T02:00:59Z", Report.iso(Instant.parse("2026-11-27T02:00:59.999Z")));
        assertEquals("2026-11-27T02:00:00Z", Report.iso(Instant.parse("2026-11-27T02:00:00Z")));
    }
}
