package coach.kam.conversation.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.kam.accounts.Account;
import coach.kam.accounts.Accounts;
import coach.kam.accounts.ChecklistProgress;
import coach.kam.testing.ChatDriver.Shown;
import coach.kam.testing.CoreDriver;
import coach.kam.testing.MutableClock;
import java.nio.file.Files;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A checklist tick button ticks the account its message was about, whatever is open when it is pressed. */
class ChecklistButtonsTest {
    private static final long REP = 1;
    private static final long OTHER = 2;
    private static final String LIST = "lead-to-cash";
    private static final String ITEM = "☐ Log the lead source and first-contact date";
    private CoreDriver bot;

    @BeforeEach
    void start() throws Exception {
        bot = new CoreDriver(Files.createTempDirectory("kam-checklist-buttons"), MutableClock.at("2026-11-27T02:00:00Z"), "en");
    }

    @AfterEach
    void stop() {
        bot.close();
    }

    private static String text(List<Shown> shown) {
        return String.join("\n", shown.stream().map(Shown::text).toList());
    }

    /** The ticked items of each of the rep's accounts, by name. */
    private java.util.Map<String, Set<String>> ticks(long user) {
        return bot.coach().store().inTransaction(tx -> {
            java.util.Map<String, Set<String>> out = new java.util.TreeMap<>();
            for (Account a : new Accounts().list(tx, user)) {
                out.put(a.name(), new ChecklistProgress().done(tx, a, LIST));
            }
            return out;
        });
    }

    /** Opens the first section of the checklist for the open account and returns the first item's button data. */
    private String tickButton(long user) {
        bot.type(user, "/checklist " + LIST);
        bot.press(user, "✏️ Lead 0/4");
        return bot.buttonData(user, ITEM);
    }

    @Test
    void aTickInAnOldMessageTicksTheAccountThatMessageWasAbout() {
        bot.type(REP, "/new Acme Foods");
        String acmeTick = tickButton(REP);
        bot.type(REP, "/new Borealis Retail");
        String reply = text(bot.pressData(REP, acmeTick));
        assertTrue(reply.contains("Lead for Acme Foods") && reply.contains("1 of 35 done"), reply);
        assertEquals(Set.of(), ticks(REP).get("Borealis Retail"), "the open account is left alone");
        assertEquals(1, ticks(REP).get("Acme Foods").size());
    }

    @Test
    void aTickForAnotherRepsOrADeletedAccountChangesNothing() {
        bot.type(REP, "/new Acme Foods");
        String acmeTick = tickButton(REP);
        bot.type(OTHER, "/new Their Co");
        assertTrue(text(bot.pressData(OTHER, acmeTick)).contains("not there"));
        assertEquals(Set.of(), ticks(OTHER).get("Their Co"));
        assertEquals(Set.of(), ticks(REP).get("Acme Foods"));

        assertTrue(text(bot.pressData(REP, acmeTick.replaceFirst(":\\d+$", ":999999"))).contains("not there"));
        bot.type(REP, "/new Borealis Retail");
        bot.type(REP, "/delete acme");
        bot.press(REP, "Delete");
        assertTrue(text(bot.pressData(REP, acmeTick)).contains("not there"));
        assertEquals(java.util.Map.of("Borealis Retail", Set.of()), ticks(REP));
    }

    @Test
    void aTickButtonFromBeforeTheAccountWasInItIsOutOfDate() {
        bot.type(REP, "/new Acme Foods");
        String reply = text(bot.pressData(REP, "ckt:" + LIST + ":0:0"));
        assertTrue(reply.contains("out of date"), reply);
        assertEquals(Set.of(), ticks(REP).get("Acme Foods"));
    }

    @Test
    void theButtonDataFitsTelegramsLimitForEveryChecklist() {
        bot.type(REP, "/new Acme Foods");
        for (var c : coach.kam.testing.TestCoach.knowledge().checklists()) {
            for (int s = 0; s < c.sections().size(); s++) {
                // a Button with more than 64 bytes of data throws when it is made
                assertTrue(text(bot.pressData(REP, "cks:" + c.id() + ":" + s)).contains("Acme Foods"));
            }
        }
    }
}
