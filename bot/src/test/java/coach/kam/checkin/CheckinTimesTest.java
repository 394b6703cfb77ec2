package coach.kam.checkin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.kam.store.MapDbStore;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When check-ins, nudges and digests fall due, decided from plain arguments: no chat, no turn. */
class CheckinTimesTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    /** Wednesday 11:00 in Shanghai. */
    private static final Instant WEDNESDAY = Instant.parse("2026-12-02T03:00:00Z");
    private static final Instant LATER = Instant.parse("2026-12-20T00:00:00Z");

    @TempDir
    Path dir;

    private final Schedule schedule = new Schedule();
    private final CheckinStore store = new CheckinStore();
    private final CheckinTimes times = new CheckinTimes(schedule, store, (tx, userId) -> userId == 2);

    @Test
    void aNewRepIsScheduledForMondayNineInTheirZoneAndMovesWhenTheTimeChanges() {
        try (MapDbStore db = MapDbStore.open(dir)) {
            db.inTransaction(tx -> {
                CheckinStore.Prefs p = times.prefs(tx, 1, SHANGHAI, WEDNESDAY);
                assertEquals(DayOfWeek.MONDAY, p.day());
                assertEquals(LocalTime.of(9, 0), p.time());
                assertEquals("Asia/Shanghai", p.zone());
                assertEquals(Instant.parse("2026-12-07T01:00:00Z"), p.nextCheckin());
                assertEquals(Instant.parse("2026-12-03T01:00:00Z"), p.nextNudge());
                assertNull(p.nextDigest(), "a rep who leads no team gets no digest");
                assertEquals(List.of(new Schedule.Entry(p.nextNudge(), 1, Schedule.Kind.NUDGE, 0),
                        new Schedule.Entry(p.nextCheckin(), 1, Schedule.Kind.CHECKIN, 0)), schedule.due(tx, LATER));

                CheckinStore.Prefs friday = times.setWeekly(tx, 1, DayOfWeek.FRIDAY, LocalTime.of(17, 0), SHANGHAI,
                        WEDNESDAY);
                assertEquals(Instant.parse("2026-12-04T09:00:00Z"), friday.nextCheckin());
                assertEquals(Instant.parse("2026-12-02T09:00:00Z"), friday.nextNudge());
                assertEquals(List.of(new Schedule.Entry(friday.nextNudge(), 1, Schedule.Kind.NUDGE, 0),
                        new Schedule.Entry(friday.nextCheckin(), 1, Schedule.Kind.CHECKIN, 0)), schedule.due(tx, LATER),
                        "the Monday entries are gone");
                return null;
            });
        }
    }

    @Test
    void aCheckinThatRanIsFollowedByNextWeeksAndTheOldEntryIsNoLongerCurrent() {
        try (MapDbStore db = MapDbStore.open(dir)) {
            db.inTransaction(tx -> {
                CheckinStore.Prefs p = times.prefs(tx, 1, SHANGHAI, WEDNESDAY);
                Schedule.Entry due = new Schedule.Entry(p.nextCheckin(), 1, Schedule.Kind.CHECKIN, 0);
                assertTrue(CheckinTimes.current(p, due));
                times.ran(tx, p, Schedule.Kind.CHECKIN, SHANGHAI, p.nextCheckin());
                CheckinStore.Prefs after = times.prefs(tx, 1, SHANGHAI, p.nextCheckin());
                assertEquals(Instant.parse("2026-12-14T01:00:00Z"), after.nextCheckin());
                assertEquals(p.nextNudge(), after.nextNudge(), "the nudge stays where it was");
                assertFalse(CheckinTimes.current(after, due));
                assertFalse(times.stale(tx, 1, "Asia/Shanghai"));
                assertTrue(times.stale(tx, 1, "Europe/London"), "a new zone schedules again");
                return null;
            });
        }
    }

    @Test
    void aManagerWhoLeadsATeamGetsTheDigestOnMondayAtTheirCheckinTime() {
        try (MapDbStore db = MapDbStore.open(dir)) {
            db.inTransaction(tx -> {
                CheckinStore.Prefs p = times.setWeekly(tx, 2, DayOfWeek.THURSDAY, LocalTime.of(8, 0), SHANGHAI,
                        WEDNESDAY);
                assertEquals(Instant.parse("2026-12-07T00:00:00Z"), p.nextDigest());
                assertTrue(schedule.due(tx, LATER).contains(new Schedule.Entry(p.nextDigest(), 2, Schedule.Kind.DIGEST, 0)));
                return null;
            });
        }
    }
}
