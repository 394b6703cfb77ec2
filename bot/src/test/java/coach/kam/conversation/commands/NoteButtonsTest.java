package coach.kam.conversation.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.kam.accounts.Account;
import coach.kam.accounts.Accounts;
import coach.kam.accounts.Note;
import coach.kam.testing.ChatDriver.Shown;
import coach.kam.testing.CoreDriver;
import coach.kam.testing.Kept;
import coach.kam.testing.MutableClock;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Buttons that name a note or a waiting text: a stale, repeated or forged press changes nothing. */
class NoteButtonsTest {
    private static final long REP = 1;
    private static final long OTHER = 2;
    private CoreDriver bot;

    @BeforeEach
    void start() throws Exception {
        bot = new CoreDriver(Files.createTempDirectory("kam-note-buttons"), MutableClock.at("2026-11-27T02:00:00Z"), "en");
    }

    @AfterEach
    void stop() {
        bot.close();
    }

    private List<Note> notes(long user) {
        return bot.coach().store().inTransaction(tx -> {
            Accounts accounts = new Accounts();
            List<Account> list = accounts.list(tx, user);
            return list.isEmpty() ? List.<Note>of() : accounts.notes(tx, list.get(0));
        });
    }

    private long accountId(long user) {
        return bot.coach().store().inTransaction(tx -> new Accounts().list(tx, user).get(0).id());
    }

    private static String text(List<Shown> shown) {
        return String.join("\n", shown.stream().map(Shown::text).toList());
    }

    @Test
    void anUndoOfAnotherRepsNoteOrAMadeUpOneChangesNothing() {
        bot.type(REP, "/new Mine Co");
        bot.type(REP, "kept note");
        long account = accountId(REP);
        long note = notes(REP).get(0).id();
        bot.type(OTHER, "/new Their Co");
        assertTrue(text(bot.pressData(OTHER, "nu:" + account + ":" + note)).contains("not there"));
        assertTrue(text(bot.pressData(REP, "nu:" + account + ":999999")).contains("not there"));
        assertTrue(text(bot.pressData(REP, "nu:abc:" + note)).contains("not there"));
        assertTrue(text(bot.pressData(REP, "ndy:" + account)).contains("not there"));
        assertEquals(List.of("kept note"), notes(REP).stream().map(Note::text).toList());
    }

    @Test
    void saveAsNoteInsteadSavesOnceAndOnlyForItsRep() {
        bot.type(REP, "/new Mine Co");
        List<Shown> answered = bot.type(REP, "how do I prepare for a customer visit?");
        assertTrue(answered.get(0).buttons().contains("📝 Save as a note instead"), answered.toString());
        assertEquals(List.of(), notes(REP));
        long pending = bot.coach().store().inTransaction(tx -> tx.withPrefix(
                Kept.table("pending-notes", PendingNotes.Pending.class), REP + "/").get(0).id());
        String data = "nsave:";
        bot.type(OTHER, "/new Their Co");
        assertTrue(text(bot.pressData(OTHER, data + pending)).contains("already saved"));
        assertTrue(text(bot.pressData(REP, data + pending)).contains("Saved to Mine Co"));
        assertTrue(text(bot.pressData(REP, data + pending)).contains("already saved"));
        assertTrue(text(bot.pressData(REP, "nsave:x")).contains("already saved"));
        assertEquals(List.of("how do I prepare for a customer visit?"), notes(REP).stream().map(Note::text).toList());
        assertEquals(List.of(), notes(OTHER));
    }

    @Test
    void invisibleTextNeverReachesTheSearch() {
        assertTrue(text(bot.type(REP, "\u200B\u2060\uFEFF")).contains("empty"));
        assertTrue(text(bot.type(REP, "/ask \u200B")).contains("What would you like to know"));
        bot.type(REP, "/new Mine Co");
        assertTrue(text(bot.type(REP, "\u200B")).contains("empty"));
        assertEquals(List.of(), notes(REP));
    }
}
