package coach.kam.store;

import coach.kam.testing.ChildConsole;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.kam.accounts.Account;
import coach.kam.accounts.Accounts;
import coach.kam.accounts.Note;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A data folder held by a running bot cannot be opened a second time, and the refusal is readable. */
class SecondProcessTest {
    private static final long USER = 7;
    private static final String ACCOUNT = "Lock Holder Co";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);

    @TempDir
    Path work;

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void aFolderInUseIsRefusedInProcessAndByASecondConsole() throws Exception {
        Path data = work.resolve("data");
        try (ChildConsole first = ChildConsole.console(data, USER, work.resolve("first-stderr.txt"))) {
            first.send("/new " + ACCOUNT);
            // once it has answered, it holds the store and waits on its standard input
            first.await(l -> l.contains("Added " + ACCOUNT), START_TIMEOUT, "the first console to answer");

            // 1. in this JVM, twice (a failed attempt must not change the next one)
            for (int attempt = 1; attempt <= 2; attempt++) {
                StoreException e = assertThrows(StoreException.class, () -> MapDbStore.open(data).close());
                assertTrue(e.getMessage().contains("in use"), "says the folder is in use: " + e.getMessage());
                assertTrue(e.getMessage().contains(data.toString()), "names the folder: " + e.getMessage());
            }

            // 2. a second console on the same folder
            ChildConsole second = ChildConsole.console(data, USER + 1, work.resolve("second-stderr.txt"));
            int code;
            List<String> secondOut;
            try (second) {
                // should it start after all, end of input makes it leave rather than hang
                code = second.closeInputAndWait(START_TIMEOUT);
                secondOut = second.rest(Duration.ofSeconds(30));
            }
            String stderr = second.stderrText();
            assertNotEquals(0, code, "the second console must fail; stderr:\n" + stderr);
            List<String> lines = stderr.lines().filter(l -> !l.isBlank()).toList();
            assertEquals(1, lines.size(), "exactly one line on stderr:\n" + stderr);
            String line = lines.get(0);
            assertTrue(line.startsWith("kam-coach: "), line);
            assertTrue(line.contains("in use"), "says the folder is in use: " + line);
            for (String text : List.of(stderr, String.join("\n", secondOut))) {
                assertFalse(text.contains("at coach."), "no stack trace:\n" + text);
                assertFalse(text.contains("Exception in thread"), "no stack trace:\n" + text);
                assertFalse(text.contains("\tat "), "no stack trace:\n" + text);
            }
            System.out.println("SecondProcessTest: second console exit code " + code + ", stderr: " + line);

            // 3. the first console is unharmed by both attempts and leaves normally
            assertTrue(first.isAlive(), "the first console still runs");
            first.send("still here");
            first.await(l -> l.contains("Saved to " + ACCOUNT), Duration.ofSeconds(60), "the note to be saved");
            assertEquals(0, first.closeInputAndWait(Duration.ofSeconds(60)), "first console exit code; stderr:\n"
                    + first.stderrText());
        }

        // once it is gone the folder opens, with what the first console saved
        Accounts accounts = new Accounts();
        try (MapDbStore store = MapDbStore.open(data)) {
            List<String> notes = store.inTransaction(tx -> {
                List<Account> list = accounts.list(tx, USER);
                assertEquals(List.of(ACCOUNT), list.stream().map(Account::name).toList());
                return accounts.notes(tx, list.get(0)).stream().map(Note::text).toList();
            });
            assertEquals(List.of("still here"), notes);
            assertEquals(List.of(), store.inTransaction(tx -> accounts.list(tx, USER + 1)));
        }
    }
}
