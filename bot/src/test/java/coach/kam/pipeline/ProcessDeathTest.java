package coach.kam.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.kam.telegram.FakeBotApi;
import coach.kam.testing.ChildConsole;
import coach.kam.testing.Kept;
import coach.kam.testing.TelegramDriver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An update whose turn kills the process, in a child JVM in Telegram mode: after the first death
 * it runs alone, after the second it is set aside; the other chat's notes are answered once, its
 * sender is told, and {@code kam-coach quarantine list} shows it while the bot runs.
 */
class ProcessDeathTest {
    private static final Duration WAIT = Duration.ofSeconds(90);
    @TempDir
    Path work;

    private static long sentTo(FakeBotApi api, long chat, String part) {
        return api.calls("sendMessage").stream().filter(c -> c.ok() && c.params().path("chat_id").asLong() == chat
                && c.params().path("text").asText().contains(part)).count();
    }

    @Test
    void anUpdateThatKillsTheProcessTwiceIsSetAside() throws Exception {
        Path data = work.resolve("data");
        try (FakeBotApi api = FakeBotApi.start(TelegramDriver.TOKEN)) {
            Map<String, String> env = Map.of("TELEGRAM_BOT_TOKEN", TelegramDriver.TOKEN,
                    "KAM_TELEGRAM_API_URL", api.baseUrl(), "KAM_OPEN_ACCESS", "true", "KAM_SEND_RATE", "0",
                    "KAM_BACKUP_TIME", "off");
            String[] args = {"telegram", "--data", data.toString()};
            try (ChildConsole first = ChildConsole.startMain(work.resolve("err-1.txt"), env,
                    "coach.kam.testing.HaltingMain", args)) {
                api.enqueueText(5, "/new Doomed Co");
                api.enqueueText(6, "/new Calm Co");
                api.awaitState(() -> sentTo(api, 6, "Calm Co") > 0 && sentTo(api, 5, "Doomed Co") > 0, WAIT, "accounts");
                api.enqueueText(5, "halt now");
                assertEquals(137, first.waitFor(WAIT), "the poison ends the process");
            }
            api.enqueueText(6, "/note Calm Co: first after the crash");
            try (ChildConsole second = ChildConsole.startMain(work.resolve("err-2.txt"), env,
                    "coach.kam.testing.HaltingMain", args)) {
                assertEquals(137, second.waitFor(WAIT), "the same update, run alone, ends it again");
            }
            try (ChildConsole third = ChildConsole.startMain(work.resolve("err-3.txt"), env,
                    "coach.kam.testing.HaltingMain", args)) {
                api.enqueueText(6, "/note Calm Co: second after the crash");
                api.awaitState(() -> sentTo(api, 5, "set aside") == 1 && sentTo(api, 6, "Saved to") >= 2, WAIT,
                        "the sender told once, the other chat's notes answered");
                assertTrue(third.isAlive());
                try (ChildConsole list = ChildConsole.start(work.resolve("err-list.txt"), Map.of(),
                        "quarantine", "list", "--data", data.toString())) {
                    assertEquals(0, list.waitFor(WAIT), list.stderrText());
                    String shown = String.join("\n", list.rest(Duration.ofSeconds(5)));
                    assertTrue(shown.contains("UPDATE") && shown.contains("2 deaths"), shown);
                }
                third.terminate();
                third.waitFor(WAIT);
            }
            try (coach.kam.store.MapDbStore store = coach.kam.store.MapDbStore.open(data)) {
                List<String> notes = store.inTransaction(tx -> tx.records(Kept.table("notes"), "")).values().stream()
                        .map(n -> n.path("text").asText()).sorted().toList();
                assertEquals(List.of("first after the crash", "second after the crash"), notes, "each note stored once");
            }
            assertEquals(List.of(), api.violations());
            assertTrue(Files.readString(work.resolve("err-3.txt")).contains("set aside as quarantine item"));
        }
    }
}
