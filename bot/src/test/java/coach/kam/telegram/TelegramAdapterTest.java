package coach.kam.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.kam.conversation.Session;
import coach.kam.store.Table;
import coach.kam.testing.ChatDriver.Shown;
import coach.kam.testing.Kept;
import coach.kam.testing.MutableClock;
import coach.kam.testing.TelegramDriver;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Telegram adapter through the real client and long polling, against the fake Bot API. */
class TelegramAdapterTest {
    private static final long REP = 1;
    private static final long STRANGER = 99;
    private Path dir;
    private TelegramDriver bot;

    @BeforeEach
    void start() throws Exception {
        dir = Files.createTempDirectory("kam-telegram");
        bot = new TelegramDriver(dir, MutableClock.at("2026-11-27T02:00:00Z"), "en", Set.of(REP));
    }

    @AfterEach
    void stop() {
        List<String> violations = bot.api().violations();
        bot.close();
        assertEquals(List.of(), violations, "calls that break the Bot API");
    }

    @Test
    void registersTheCommandMenuInBothLanguages() {
        List<JsonNode> menus = bot.api().calls("setMyCommands").stream().map(c -> c.params()).toList();
        assertEquals(2, menus.size());
        assertTrue(menus.stream().anyMatch(m -> "zh".equals(m.path("language_code").asText())));
        assertTrue(menus.get(0).path("commands").toString().contains("\"objection\""));
    }

    @Test
    void aStrangerGetsOnePoliteRefusalAndNothingIsStored() throws Exception {
        List<Shown> first = bot.type(STRANGER, "/new Their Co");
        List<Shown> second = bot.type(STRANGER, "hello?");
        assertEquals(1, first.size());
        assertTrue(first.get(0).text().contains("invited sales reps only"));
        assertEquals(List.of(), second, "refused once, then silent");
        boolean stored = bot.coach().store().inTransaction(tx ->
                tx.get(Kept.table("sessions", Session.class), Long.toString(STRANGER)).isPresent());
        assertFalse(stored);
        bot.type(STRANGER, "my secret pricing for Zephyrcorp");
        // nothing of theirs reached the store file or its log: not even the raw update in the inbox
        try (var files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String bytes = new String(Files.readAllBytes(f), java.nio.charset.StandardCharsets.ISO_8859_1);
                assertFalse(bytes.contains("Zephyrcorp") || bytes.contains("Their Co"), "found in " + f);
            }
        }
    }

    @Test
    void theInviteCodeLetsSomeoneIn() {
        assertTrue(bot.type(STRANGER, "/start JOIN-KAM-2026").get(0).text().contains("Welcome"));
        assertTrue(bot.type(STRANGER, "/new Invited Co").get(0).text().contains("Added Invited Co"));
    }

    @Test
    void forgedAndStaleButtonsGetAShortAnswerAndChangeNothing() {
        bot.type(REP, "/new Mine Co");
        bot.type(2, "/start");
        List<Shown> gone = bot.pressData(REP, "del:999999");
        assertTrue(gone.get(0).text().contains("not there any more"));
        assertTrue(bot.pressData(REP, "zzz:1").get(0).text().contains("no longer works"));
        assertTrue(bot.pressData(REP, "ofb:price-too-high:xx:9:1").get(0).text().contains("no longer works"));
        assertTrue(bot.type(REP, "/accounts").get(0).buttons().contains("Mine Co"));
        int answered = bot.api().calls("answerCallbackQuery").size();
        assertEquals(3, answered, "every button press is acknowledged so the phone stops spinning");
    }

    @Test
    void anUpdateSeenAgainAfterARestartChangesNothing() {
        bot.type(REP, "/new Once Co");
        // The library confirms an update only with the next poll, so the new process gets it again.
        bot.restart();
        List<Shown> after = bot.type(REP, "/accounts");
        assertTrue(after.get(0).buttons().contains("Once Co"));
        long created = bot.api().calls("sendMessage").stream()
                .filter(c -> c.params().path("text").asText().contains("Added <b>Once Co</b>")).count();
        assertEquals(1, created, "the reply was sent once");
        int accounts = bot.coach().store().inTransaction(tx ->
                new coach.kam.accounts.Accounts().list(tx, REP).size());
        assertEquals(1, accounts);
    }

    @Test
    void anUpdateWithFieldsNewerThanTheLibraryStillGetsThrough() {
        List<Shown> shown = bot.after(() -> bot.api().enqueue("""
                {"update_id": 900, "future_update_kind": {"x": 1},
                 "message": {"message_id": 5, "date": 1790000000, "brand_new_field": [1, 2],
                   "from": {"id": 1, "is_bot": false, "first_name": "Rep", "language_code": "en", "future_flag": true},
                   "chat": {"id": 1, "type": "private", "first_name": "Rep"}, "text": "/help"}}
                """), REP);
        assertTrue(shown.get(0).text().contains("KAM Coach"));
    }

    @Test
    void inAGroupChatNoAccountDataIsShown() {
        bot.type(REP, "/new Private Pharma");
        List<Shown> shown = bot.after(() -> bot.api().enqueue("""
                {"message": {"message_id": 6, "date": 1790000000,
                   "from": {"id": 1, "is_bot": false, "first_name": "Rep", "language_code": "en"},
                   "chat": {"id": -100200, "type": "supergroup", "title": "Sales team"}, "text": "/accounts"}}
                """), -100200);
        assertEquals(1, shown.size());
        assertTrue(shown.get(0).text().contains("private chat"), shown.get(0).text());
        assertFalse(shown.get(0).text().contains("Private Pharma"));
    }

    @Test
    void tooManyRequestsIsRetriedAfterTheTimeTelegramAsks() {
        bot.api().failNext("sendMessage", 429, 1);
        List<Shown> shown = bot.type(REP, "/help");
        assertEquals(1, shown.size(), "the reply arrives once, after the wait");
        assertTrue(shown.get(0).text().contains("KAM Coach"));
    }

    @Test
    void aSharedLocationLogsAVisitToTheOpenAccount() {
        bot.type(REP, "/new Depot Co");
        List<Shown> shown = bot.location(REP, 31.2304, 121.4737);
        assertTrue(shown.get(0).text().contains("Visit to Depot Co logged"));
    }

    @Test
    void aTenThousandCharacterMessageIsKeptWhole() {
        bot.type(REP, "/new Long Co");
        String text = "x".repeat(9_990) + " <&> end";
        assertTrue(bot.type(REP, text).get(0).text().contains("Saved to Long Co"));
        String stored = bot.coach().store().inTransaction(tx -> {
            var accounts = new coach.kam.accounts.Accounts();
            var account = accounts.list(tx, REP).get(0);
            return accounts.notes(tx, account).get(0).text();
        });
        assertEquals(text, stored);
    }

    @Test
    void inlineQueriesReturnScriptsOnlyToAllowedUsers() throws Exception {
        long sent = System.nanoTime();
        bot.api().enqueueInlineQuery(REP, "too expensive for us");
        FakeBotApi.Call answer = bot.api().awaitCall("answerInlineQuery", p -> true, Duration.ofSeconds(20));
        System.out.printf("inline answer arrived %.0f ms after the query was queued (includes the long-poll hand-off)%n",
                (answer.receivedAtNanos() - sent) / 1e6);
        JsonNode results = answer.params().path("results");
        assertTrue(results.size() >= 1);
        assertEquals("price-too-high-en", results.get(0).path("id").asText());
        assertTrue(results.get(0).path("input_message_content").path("message_text").asText().contains("Script"));
        assertTrue(answer.params().path("cache_time").asInt() <= 60);

        bot.api().enqueueInlineQuery(STRANGER, "too expensive");
        FakeBotApi.Call refused = bot.api().awaitCall("answerInlineQuery",
                p -> p.path("results").isEmpty(), Duration.ofSeconds(20));
        assertEquals(0, refused.params().path("results").size());
    }
}
