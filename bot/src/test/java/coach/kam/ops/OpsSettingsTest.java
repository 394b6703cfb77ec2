package coach.kam.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.kam.config.Config;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The operator's settings, each problem on a line naming its variable; the heartbeat file. */
class OpsSettingsTest {

    @Test
    void offByDefaultAndWebhookModeNeedsItsSecretAndPort() {
        OpsSettings none = OpsSettings.fromEnvironment(Map.of());
        assertEquals(Optional.empty(), none.port());
        assertFalse(none.webhook());

        OpsSettings hook = OpsSettings.fromEnvironment(Map.of("KAM_HTTP_PORT", "8080",
                "KAM_WEBHOOK_URL", "https://kam.example.com/telegram", "KAM_WEBHOOK_SECRET", "abc_DEF-123"));
        assertEquals(Optional.of(8080), hook.port());
        assertEquals(Optional.of(URI.create("https://kam.example.com/telegram")), hook.webhookUrl());
        assertTrue(hook.webhook());

        Config.Invalid missing = assertThrows(Config.Invalid.class, () -> OpsSettings.fromEnvironment(
                Map.of("KAM_WEBHOOK_URL", "https://kam.example.com/telegram")));
        assertTrue(missing.getMessage().contains("KAM_WEBHOOK_SECRET: must be set with KAM_WEBHOOK_URL")
                && missing.getMessage().contains("KAM_HTTP_PORT: must be set with KAM_WEBHOOK_URL"), missing.getMessage());
    }

    @Test
    void aBadValueIsNamedAndTheSecretIsNeverEchoed() {
        String secret = "has spaces & symbols!";
        Config.Invalid bad = assertThrows(Config.Invalid.class, () -> OpsSettings.fromEnvironment(Map.of(
                "KAM_HTTP_PORT", "80800", "KAM_WEBHOOK_URL", "ftp://x", "KAM_WEBHOOK_SECRET", secret)));
        List<String> lines = bad.getMessage().lines().toList();
        assertEquals(3, lines.size(), bad.getMessage());
        assertTrue(lines.get(0).startsWith("KAM_HTTP_PORT: '80800'"));
        assertTrue(lines.get(1).startsWith("KAM_WEBHOOK_URL: 'ftp://x'"));
        assertTrue(lines.get(2).startsWith("KAM_WEBHOOK_SECRET: use 1 to 256 characters"));
        assertFalse(bad.getMessage().contains(secret));
        assertFalse(OpsSettings.validSecret("x".repeat(257)));
        assertTrue(OpsSettings.validSecret("x".repeat(256)));
    }

    @Test
    void theHeartbeatIsTouchedWhileHealthyAndLeftToAgeWithTheReasonsWhenNot(@TempDir Path dir) throws Exception {
        Path file = dir.resolve(Heartbeat.FILE);
        Heartbeat.beat(file, List.of());
        assertTrue(Files.readString(file).startsWith("ok "));
        FileTime old = FileTime.from(Instant.parse("2026-03-02T08:00:00Z"));
        Files.setLastModifiedTime(file, old);
        Heartbeat.beat(file, List.of("handler: the handler thread is not running"));
        assertEquals(old, Files.getLastModifiedTime(file), "an unhealthy bot does not refresh its heartbeat");
        assertTrue(Files.readString(file).contains("handler: the handler thread is not running"));
        Heartbeat.beat(file, List.of());
        assertTrue(Files.getLastModifiedTime(file).compareTo(old) > 0, "healthy again: touched");
    }
}
