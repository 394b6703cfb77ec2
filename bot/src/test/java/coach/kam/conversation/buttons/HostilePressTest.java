package coach.kam.conversation.buttons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.kam.accounts.Account;
import coach.kam.accounts.Accounts;
import coach.kam.accounts.ChecklistProgress;
import coach.kam.conversation.Conversation;
import coach.kam.conversation.Event;
import coach.kam.conversation.Reply;
import coach.kam.deals.Deals;
import coach.kam.plans.Plans;
import coach.kam.testing.CoreDriver;
import coach.kam.testing.MutableClock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every registered button prefix pressed with forged, garbled and hostile data through the whole
 * core: the bot answers each press briefly, and another rep's data stays exactly as it was.
 */
class HostilePressTest {
    private static final long REP = 11;
    private static final long OTHER = 12;
    private static final int SHORT = 600;
    private CoreDriver bot;
    private Conversation chat;
    private final Set<String> repButtons = new LinkedHashSet<>();

    @BeforeEach
    void start() throws Exception {
        bot = new CoreDriver(Files.createTempDirectory("kam-hostile-press"), MutableClock.at("2026-11-27T02:00:00Z"), "en");
        chat = bot.coach().conversation();
    }

    @AfterEach
    void stop() {
        bot.close();
    }

    private List<Reply> send(long user, String text, String data) {
        return chat.handle(new Event(user, user, null, text, data, null, "en"));
    }

    /** A rep with two accounts, a note, an objection logged, a plan, a checklist, a deal; every button shown is kept. */
    private void repWithData() {
        for (String line : List.of("/new Acme Foods", "/new Borealis Retail", "/note acme: price too high, visited their office",
                "/notes acme", "/o too expensive", "/plan acme", "/checklist lead-to-cash", "/account acme",
                "/deal acme: cold chain 1.2m proposal end of march", "/deals", "/settings", "/practice", "/export",
                "/territory", "/chart", "/review", "/accounts", "/brief acme", "/topics", "/undo",
                "/note acme: called the buyer again")) {
            for (Reply r : send(REP, line, null)) {
                r.buttons().forEach(row -> row.forEach(b -> repButtons.add(b.data())));
            }
        }
        send(OTHER, "/new Their Co", null);
    }

    /** Everything the rep has, as text: accounts, notes, plans, checklist ticks, deals. */
    private String fingerprint(long user) {
        return bot.coach().store().inTransaction(tx -> {
            StringBuilder out = new StringBuilder();
            Accounts accounts = new Accounts();
            for (Account a : accounts.list(tx, user)) {
                out.append(a).append('\n').append(accounts.notes(tx, a)).append('\n')
                        .append(new Plans().all(tx, a)).append('\n')
                        .append(new ChecklistProgress().done(tx, a, "lead-to-cash")).append('\n');
            }
            return out.append(new Deals().all(tx, user)).toString();
        });
    }

    private long repAccountId() {
        return bot.coach().store().inTransaction(tx -> new Accounts().list(tx, REP).get(0).id());
    }

    private void answeredBriefly(String data) {
        List<Reply> replies = send(OTHER, null, data);
        assertFalse(replies.isEmpty(), "no answer to " + data);
        int length = replies.stream().mapToInt(r -> r.plainText().length()).sum();
        assertTrue(length > 0 && length < SHORT, data + " -> " + replies);
    }

    @Test
    void anotherRepPressingTheRepsOwnButtonsChangesNothingOfTheRep() {
        repWithData();
        assertTrue(repButtons.size() > 30, "buttons shown: " + repButtons);
        String before = fingerprint(REP);
        for (String data : repButtons) {
            List<Reply> replies = send(OTHER, null, data);
            assertFalse(replies.isEmpty(), "no answer to " + data);
        }
        assertEquals(before, fingerprint(REP));
        long acme = repAccountId();
        Set<String> gone = Set.of(chat.messages().get("en", "accounts.gone"), chat.messages().get("en", "note.gone"),
                chat.messages().get("en", "button.unknown"));
        long note = bot.coach().store().inTransaction(tx -> {
            Accounts accounts = new Accounts();
            return accounts.notes(tx, accounts.list(tx, REP).get(0)).get(0).id();
        });
        long theirs = bot.coach().store().inTransaction(tx -> new Accounts().list(tx, OTHER).get(0).id());
        for (Kind<?> kind : ButtonCatalogue.ALL) {
            if (AccountRef.class.isAssignableFrom(kind.type())) {
                List<String> forged = new ArrayList<>(List.of(kind.prefix() + ":" + acme, kind.prefix() + ":" + acme + ":" + note,
                        kind.prefix() + ":" + acme + ":" + note + ":" + theirs));
                if (NoteRef.class.isAssignableFrom(kind.type())) {
                    // the rep's note under the presser's own account
                    forged.add(kind.prefix() + ":" + theirs + ":" + note);
                    forged.add(kind.prefix() + ":" + theirs + ":" + note + ":" + theirs);
                }
                for (String data : forged) {
                    List<Reply> replies = send(OTHER, null, data);
                    assertEquals(1, replies.size(), data + " -> " + replies);
                    assertTrue(gone.contains(replies.get(0).plainText()), data + " -> " + replies);
                }
            }
        }
        assertEquals(chat.messages().get("en", "accounts.gone"), send(OTHER, null, "acc:" + acme).get(0).plainText());
        assertEquals(before, fingerprint(REP));
    }

    @Test
    void everyPrefixAnswersHostileDataBriefly() {
        repWithData();
        String before = fingerprint(REP);
        long acme = repAccountId();
        Set<String> prefixes = chat.buttonPrefixes();
        for (Kind<?> kind : ButtonCatalogue.ALL) {
            assertTrue(prefixes.contains(kind.prefix()), "not registered: " + kind);
        }
        for (String p : prefixes) {
            assertTrue(ButtonCatalogue.ALL.stream().anyMatch(k -> k.prefix().equals(p)),
                    "registered without a kind: " + p);
        }
        Random random = new Random(7);
        for (String p : prefixes) {
            List<String> hostile = new ArrayList<>(List.of(p, p + ":", p + "::", p + ":" + "9".repeat(200), p + ":1",
                    p + ":-1:-1:-1", p + ":99999999999999999999:99999999999999999999", p + ":" + acme,
                    p + ":" + acme + ":1", p + ":" + acme + ":JBP:3", p + ":x:" + acme + ":0:1", p + ":" + "价".repeat(30),
                    p + ":" + acme + ":" + Long.MAX_VALUE + ":" + acme));
            for (int i = 0; i < 20; i++) {
                byte[] bytes = new byte[random.nextInt(70)];
                random.nextBytes(bytes);
                hostile.add(p + ":" + new String(bytes, StandardCharsets.UTF_8));
            }
            for (String data : hostile) {
                answeredBriefly(data);
            }
        }
        answeredBriefly("nosuchprefix:1");
        assertEquals(before, fingerprint(REP));
    }

    @Test
    void aKindNamingAnAccountCannotBeRegisteredWithoutTheOwnershipCheck() {
        Conversation.Builder b = Conversation.builder(bot.coach().store(), chat.messages(), java.time.Clock.systemUTC());
        org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> b.button(AccountButtons.OPEN, (turn, pressed) -> turn.say("opened")));
        Owned owned = new Owned(new Accounts());
        b.button(AccountButtons.OPEN, owned.account((turn, pressed, account) -> turn.say("opened")));
        b.button(AccountButtons.CLOSE, (turn, pressed) -> { });
        org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> b.button(AccountButtons.CLOSE, (turn, pressed) -> { }), "a prefix registered twice");
        org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> b.button(CheckinButtons.ANSWER, (turn, pressed) -> turn.say("answered")),
                "a check-in answer names an account");
        org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> b.button(WalkButtons.START, (turn, pressed) -> turn.say("started")),
                "a walkthrough's start names an account");
    }
}
