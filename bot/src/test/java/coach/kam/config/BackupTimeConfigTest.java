package coach.kam.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalTime;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BackupTimeConfigTest {
    @Test
    void backupTimeIsAClockTimeOrOff() {
        assertEquals(Optional.of(LocalTime.of(3, 0)), Config.fromEnvironment(Map.of()).backupTime());
        assertEquals(Optional.of(LocalTime.of(23, 5)), Config.fromEnvironment(Map.of("KAM_BACKUP_TIME", "23:05")).backupTime());
        assertEquals(Optional.empty(), Config.fromEnvironment(Map.of("KAM_BACKUP_TIME", "off")).backupTime());
        Config.Invalid bad = assertThrows(Config.Invalid.class,
                () -> Config.fromEnvironment(Map.of("KAM_BACKUP_TIME", "25:00")));
        assertTrue(bad.getMessage().startsWith("KAM_BACKUP_TIME: "), bad.getMessage());
    }
}
