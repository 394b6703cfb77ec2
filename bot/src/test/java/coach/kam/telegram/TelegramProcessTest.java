package coach.kam.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.kam.accounts.Accounts;
import coach.kam.store.MapDbStore;
import coach.kam.testing.ChildConsole;
import coach.kam.testing.TelegramDriver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged program in Telegram mode, in its own JVM: access rules at start, and a clean stop on SIGTERM. */
class TelegramProcessTest {

    @Test
    void refusesToStartWithNoAccessRuleAndSaysWhy(@TempDir Path dir) throws Exception {
        try (ChildConsole child = ChildConsole.start(dir.resolve("err.txt"),
                Map.of("TELEGRAM_BOT_TOKEN", TelegramDriver.TOKEN, "KAM_TELEGRAM_API_URL", "http://127.0.0.1:9"),
                "telegram", "--data", dir.resolve("data").toString())) {
            assertEquals(2, child.waitFor(Duration.ofSeconds(60)));
            String err = child.stderrText();
            assertTrue(err.contains("KAM_ALLOWED_USERS") && err.contains("KAM_OPEN_ACCESS"), err);
            assertFalse(err.contains("Exception"), err);
        }
    }

    @Test
    void aBadSettingStopsStartWithOneLineNamingIt(@TempDir Path dir) throws Exception {
        try (ChildConsole child = ChildConsole.start(dir.resolve("err.txt"),
                Map.of("TELEGRAM_BOT_TOKEN", "not-a-token", "KAM_ALLOWED_USERS", "1,abc"), "telegram")) {
            assertEquals(2, child.waitFor(Duration.ofSeconds(60)));
            String err = child.stderrText().strip();
            assertTrue(err.contains("TELEGRAM_BOT_TOKEN:") && err.contains("KAM_ALLOWED_USERS: 'abc'"), err);
            assertFalse(err.contains("Exception"), err);
        }
    }

    @Test
    void sigtermStopsPollingAndClosesTheStoreWithEveryNoteKept(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("data");
        try (FakeBotApi api = FakeBotApi.start(TelegramDriver.TOKEN);
             ChildConsole child = ChildConsole.start(dir.resolve("err.txt"),
                     Map.of("TELEGRAM_BOT_TOKEN", TelegramDriver.TOKEN, "KAM_TELEGRAM_API_URL", api.baseUrl(),
                             "KAM_ALLOWED_USERS", "5"),
                     "telegram", "--data", data.toString())) {
            api.enqueueText(5, "/new Term Co");
            api.awaitCall("sendMessage", p -> p.path("text").asText().contains("Term Co"), Duration.ofSeconds(60));
            api.enqueueText(5, "signed the frame contract");
            api.awaitCall("sendMessage", p -> p.path("text").asText().contains("Saved to"), Duration.ofSeconds(60));

            child.terminate();
            int code = child.waitFor(Duration.ofSeconds(60));
            assertTrue(code == 143 || code == 0, "ended by its shutdown hook after SIGTERM, exit " + code);
            assertFalse(child.stderrText().contains("Exception"), child.stderrText());
            assertEquals(List.of(), api.violations());
        }
        try (MapDbStore store = MapDbStore.open(data)) {
            List<String> notes = store.inTransaction(tx -> {
                Accounts accounts = new Accounts();
                return accounts.notes(tx, accounts.list(tx, 5).get(0)).stream().map(n -> n.text()).toList();
            });
            assertEquals(List.of("signed the frame contract"), notes);
        }
        assertTrue(Files.exists(data.resolve("kam-coach.db")));
    }
}
