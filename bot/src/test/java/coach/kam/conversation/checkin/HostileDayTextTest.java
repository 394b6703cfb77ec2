package coach.kam.conversation.checkin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import coach.kam.testing.HostileText;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A day and time typed at the check-in day buttons: read, or nothing, never an error. */
class HostileDayTextTest {

    @Test
    void everyTextIsReadAsADayAndATimeOrNothing() {
        HostileText.check("CheckinCommands.typedDay", CheckinCommands::typedDay, o -> o != null);
        HostileText.check("CheckinCommands.typedTime", CheckinCommands::typedTime, o -> o != null);
    }

    @Test
    void phoneWaysOfSayingADayAndATime() {
        assertEquals(Optional.of(DayOfWeek.FRIDAY), CheckinCommands.typedDay("周五下午5点"));
        assertEquals(Optional.of(LocalTime.of(17, 0)), CheckinCommands.typedTime("周五下午5点"));
        assertEquals(Optional.of(DayOfWeek.FRIDAY), CheckinCommands.typedDay("Friday 5pm"));
        assertEquals(Optional.of(LocalTime.of(17, 0)), CheckinCommands.typedTime("Friday 5pm"));
        assertEquals(Optional.of(DayOfWeek.SUNDAY), CheckinCommands.typedDay("礼拜天 9点半"));
        assertEquals(Optional.of(LocalTime.of(9, 30)), CheckinCommands.typedTime("礼拜天 9点半"));
        assertEquals(Optional.of(LocalTime.of(8, 15)), CheckinCommands.typedTime("星期一 8:15"));
        assertEquals(Optional.empty(), CheckinCommands.typedDay("随便吧"));
        assertEquals(Optional.empty(), CheckinCommands.typedTime("周五"));
    }
}
