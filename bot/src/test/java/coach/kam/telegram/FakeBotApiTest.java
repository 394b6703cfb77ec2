package coach.kam.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.longpolling.TelegramBotsLongPollingApplication;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.AnswerInlineQuery;
import org.telegram.telegrambots.meta.api.methods.ParseMode;
import org.telegram.telegrambots.meta.api.methods.commands.GetMyCommands;
import org.telegram.telegrambots.meta.api.methods.commands.SetMyCommands;
import org.telegram.telegrambots.meta.api.methods.GetMe;
import org.telegram.telegrambots.meta.api.methods.send.SendDocument;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;
import org.telegram.telegrambots.meta.api.objects.InputFile;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.commands.BotCommand;
import org.telegram.telegrambots.meta.api.objects.inlinequery.inputmessagecontent.InputTextMessageContent;
import org.telegram.telegrambots.meta.api.objects.inlinequery.result.InlineQueryResult;
import org.telegram.telegrambots.meta.api.objects.inlinequery.result.InlineQueryResultArticle;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The fake Bot API, driven by the real telegrambots 9.6 client and long-polling application. */
class FakeBotApiTest {

    private static final String TOKEN = "123456:FAKE-token_for-tests";
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final long USER = 4242L;

    private FakeBotApi api;
    private TelegramUrl url;
    private OkHttpTelegramClient client;

    @BeforeEach
    void start() {
        api = FakeBotApi.start(TOKEN);
        url = new TelegramUrl("http", "127.0.0.1", api.port(), false);
        client = clientWithToken(TOKEN);
    }

    @AfterEach
    void stop() {
        api.close();
    }

    private OkHttpTelegramClient clientWithToken(String token) {
        return new OkHttpTelegramClient(new OkHttpClient.Builder().retryOnConnectionFailure(false).build(), token, url);
    }

    private static InlineKeyboardMarkup keyboard(InlineKeyboardButton... buttons) {
        return InlineKeyboardMarkup.builder().keyboardRow(new InlineKeyboardRow(List.of(buttons))).build();
    }

    private static InlineKeyboardButton callbackButton(String text, String data) {
        return InlineKeyboardButton.builder().text(text).callbackData(data).build();
    }

    private TelegramApiRequestException rejected(org.junit.jupiter.api.function.Executable call) {
        return assertThrows(TelegramApiRequestException.class, call);
    }

    @Test
    void startsOnLoopbackWithAFreePort() {
        assertTrue(api.port() > 0);
        assertEquals("http://127.0.0.1:" + api.port(), api.baseUrl());
    }

    @Test
    void validCallsAreAnsweredAndRecorded() throws TelegramApiException {
        User me = client.execute(new GetMe());
        assertTrue(me.getIsBot());
        assertEquals("kam_test_bot", me.getUserName());
        assertEquals(123456L, me.getId());

        Message sent = client.execute(SendMessage.builder().chatId(USER).parseMode(ParseMode.HTML)
                .text("<b>Hello</b> &amp; <a href=\"https://example.org\">welcome</a> &#128512;")
                .replyMarkup(keyboard(callbackButton("Yes", "answer:yes"),
                        InlineKeyboardButton.builder().text("Docs").url("https://example.org/docs").build()))
                .build());
        assertEquals("Hello & welcome \uD83D\uDE00", sent.getText());
        assertEquals(USER, sent.getChatId());
        assertEquals("answer:yes", sent.getReplyMarkup().getKeyboard().get(0).get(0).getCallbackData());

        Message second = client.execute(SendMessage.builder().chatId(USER).text("again").build());
        assertTrue(second.getMessageId() > sent.getMessageId(), "message ids increase");

        assertTrue(client.execute(AnswerCallbackQuery.builder().callbackQueryId("cbq-1").text("Noted").build()));
        assertTrue(client.execute(SetMyCommands.builder()
                .commands(List.of(new BotCommand("start", "Start the coach"), new BotCommand("ask_kam", "Ask a question")))
                .build()));
        assertEquals("ask_kam", client.execute(new GetMyCommands()).get(1).getCommand());

        Message edited = (Message) client.execute(EditMessageText.builder().chatId(USER).messageId(sent.getMessageId())
                .text("edited").build());
        assertEquals("edited", edited.getText());

        List<FakeBotApi.Call> sends = api.calls("sendMessage");
        assertEquals(2, sends.size());
        JsonNode first = sends.get(0).params();
        assertEquals(USER, first.path("chat_id").asLong());
        assertEquals("answer:yes", first.path("reply_markup").path("inline_keyboard").path(0).path(0)
                .path("callback_data").asText());
        assertTrue(sends.get(0).ok());
        assertEquals("Noted", api.calls("answercallbackquery").get(0).params().path("text").asText());
        assertEquals("start", api.calls("setMyCommands").get(0).params().path("commands").path(0).path("command").asText());
        assertEquals(List.of(), api.violations());
    }

    @Test
    void textLongerThan4096Utf16UnitsIsRejected() throws TelegramApiException {
        client.execute(SendMessage.builder().chatId(USER).text("x".repeat(4096)).build());
        assertEquals(List.of(), api.violations());

        TelegramApiRequestException tooLong = rejected(() ->
                client.execute(SendMessage.builder().chatId(USER).text("x".repeat(5000)).build()));
        assertEquals(400, tooLong.getErrorCode());
        assertTrue(tooLong.getApiResponse().startsWith("Bad Request: message is too long"), tooLong.getApiResponse());

        // 2049 emoji are 2049 code points but 4098 UTF-16 units: Telegram counts the latter.
        rejected(() -> client.execute(SendMessage.builder().chatId(USER).text("\uD83D\uDE00".repeat(2049)).build()));
        assertEquals(2, api.violations().size());
        assertTrue(api.violations().get(0).startsWith("sendMessage: Bad Request: message is too long"));
        assertFalse(api.calls("sendMessage").get(1).ok());
    }

    @Test
    void callbackDataOver64BytesIsRejected() throws TelegramApiException {
        client.execute(SendMessage.builder().chatId(USER).text("ok").replyMarkup(keyboard(
                callbackButton("64", "d".repeat(64)))).build());
        TelegramApiRequestException e = rejected(() -> client.execute(SendMessage.builder().chatId(USER).text("menu")
                .replyMarkup(keyboard(callbackButton("65", "d".repeat(65)))).build()));
        assertEquals(400, e.getErrorCode());
        // 22 Cyrillic letters are 44 bytes; 33 are 66 bytes even though only 33 characters
        rejected(() -> client.execute(SendMessage.builder().chatId(USER).text("menu")
                .replyMarkup(keyboard(callbackButton("ru", "я".repeat(33)))).build()));
        assertEquals(2, api.violations().size());
        assertTrue(api.violations().get(0).contains("BUTTON_DATA_INVALID"), api.violations().get(0));
    }

    @Test
    void buttonsNeedExactlyOneAction() {
        rejected(() -> client.execute(SendMessage.builder().chatId(USER).text("menu")
                .replyMarkup(keyboard(InlineKeyboardButton.builder().text("no action").build())).build()));
        rejected(() -> client.execute(SendMessage.builder().chatId(USER).text("menu").replyMarkup(keyboard(
                InlineKeyboardButton.builder().text("two").callbackData("a").url("https://example.org").build()))
                .build()));
        assertEquals(2, api.violations().size());
    }

    @Test
    void malformedHtmlIsRejected() throws TelegramApiException {
        for (String bad : List.of("<b>x", "a < b", "x &nbsp; y", "<b><i>x</b></i>", "line<br>break", "<span>s</span>")) {
            TelegramApiRequestException e = rejected(() -> client.execute(
                    SendMessage.builder().chatId(USER).parseMode(ParseMode.HTML).text(bad).build()));
            assertEquals(400, e.getErrorCode(), bad);
            assertTrue(e.getApiResponse().startsWith("Bad Request: can't parse entities"), e.getApiResponse());
        }
        assertEquals(6, api.violations().size());
        // the same characters are fine escaped, or without parse_mode
        client.execute(SendMessage.builder().chatId(USER).parseMode(ParseMode.HTML).text("a &lt; b &gt; c").build());
        client.execute(SendMessage.builder().chatId(USER).text("a < b").build());
        assertEquals(6, api.violations().size());
    }

    @Test
    void htmlCheckerFollowsTelegramRules() {
        assertEquals("bold italic", TelegramHtmlChecker.visibleText("<b>bold <i>italic</i></b>"));
        assertEquals("code", TelegramHtmlChecker.visibleText("<pre><code class=\"language-java\">code</code></pre>"));
        assertEquals("s q", TelegramHtmlChecker.visibleText(
                "<span class=\"tg-spoiler\">s</span> <blockquote expandable>q</blockquote>"));
        assertEquals("\"<&>", TelegramHtmlChecker.visibleText("&quot;&lt;&amp;&#x3E;"));
        for (String bad : List.of("<code><b>x</b></code>", "<a href=\"u\"><a href=\"v\">x</a></a>", "</b>", "x > y",
                "<tg-emoji>e</tg-emoji>", "<a>x</a>")) {
            assertThrows(TelegramHtmlChecker.HtmlException.class, () -> TelegramHtmlChecker.visibleText(bad), bad);
        }
    }

    @Test
    void badParseModeAndCommandsAreRejected() {
        rejected(() -> client.execute(SendMessage.builder().chatId(USER).parseMode("html5").text("x").build()));
        rejected(() -> client.execute(SetMyCommands.builder()
                .commands(List.of(new BotCommand("Start!", "Start"))).build()));
        rejected(() -> client.execute(SetMyCommands.builder()
                .commands(List.of(new BotCommand("start", "d".repeat(257)))).build()));
        assertEquals(3, api.violations().size());
    }

    @Test
    void answerInlineQueryLimits() throws TelegramApiException {
        assertTrue(client.execute(AnswerInlineQuery.builder().inlineQueryId("iq-1").results(articles(50, "a")).build()));
        rejected(() -> client.execute(AnswerInlineQuery.builder().inlineQueryId("iq-1").results(articles(51, "a")).build()));
        rejected(() -> client.execute(AnswerInlineQuery.builder().inlineQueryId("iq-1")
                .results(articles(1, "i".repeat(65))).build()));
        assertEquals(2, api.violations().size());
        assertTrue(api.violations().get(0).contains("RESULTS_TOO_MUCH"));
    }

    private static List<InlineQueryResult> articles(int count, String idPrefix) {
        List<InlineQueryResult> results = new ArrayList<>();
        IntStream.range(0, count).forEach(i -> results.add(InlineQueryResultArticle.builder()
                .id(count == 1 ? idPrefix : idPrefix + i).title("Result " + i)
                .inputMessageContent(InputTextMessageContent.builder().messageText("text " + i).build()).build()));
        return results;
    }

    @Test
    void failNextAnswers429WithRetryAfterOnce() throws TelegramApiException {
        api.failNext("sendMessage", 429, 3);
        TelegramApiRequestException e = rejected(() ->
                client.execute(SendMessage.builder().chatId(USER).text("hi").build()));
        assertEquals(429, e.getErrorCode());
        assertEquals(3, e.getParameters().getRetryAfter());

        client.execute(SendMessage.builder().chatId(USER).text("hi").build());
        List<FakeBotApi.Call> attempts = api.calls("sendMessage");
        assertEquals(List.of(429, 200), attempts.stream().map(FakeBotApi.Call::httpStatus).toList());
        assertEquals(List.of(), api.violations(), "an injected failure is not a violation");
    }

    @Test
    void wrongTokenAnswers401() {
        TelegramApiRequestException e = rejected(() ->
                clientWithToken("999:wrong").execute(SendMessage.builder().chatId(USER).text("hi").build()));
        assertEquals(401, e.getErrorCode());
        assertEquals(1, api.violations().size());
    }

    @Test
    void unknownMethodAndMissingParametersOverPlainHttp() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> unknown = http.send(HttpRequest.newBuilder(
                URI.create(api.baseUrl() + "/bot" + TOKEN + "/sendTelepathy")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(404, unknown.statusCode());

        HttpResponse<String> missing = http.send(HttpRequest.newBuilder(
                        URI.create(api.baseUrl() + "/bot" + TOKEN + "/sendmessage"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("text=hello")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(400, missing.statusCode());
        assertTrue(missing.body().contains("\"ok\":false") && missing.body().contains("chat_id"), missing.body());

        HttpResponse<String> form = http.send(HttpRequest.newBuilder(
                        URI.create(api.baseUrl() + "/bot" + TOKEN + "/sendMessage"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("chat_id=7&text=caf%C3%A9&reply_markup="
                        + "%7B%22inline_keyboard%22%3A%5B%5B%7B%22text%22%3A%22a%22%2C%22callback_data%22%3A%22b%22%7D%5D%5D%7D"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, form.statusCode(), form.body());
        JsonNode params = api.calls("sendMessage").get(1).params();
        assertEquals("café", params.path("text").asText());
        assertEquals("b", params.path("reply_markup").path("inline_keyboard").path(0).path(0).path("callback_data").asText());
        assertEquals(2, api.violations().size());
    }

    @Test
    void sendDocumentIsParsedFromMultipart() throws Exception {
        byte[] content = "name;score\nAcme;3\n".getBytes(StandardCharsets.UTF_8);
        Message message = client.execute(SendDocument.builder().chatId(USER).caption("<i>Report</i>")
                .parseMode(ParseMode.HTML).document(new InputFile(new ByteArrayInputStream(content), "report.csv"))
                .build());
        assertEquals("report.csv", message.getDocument().getFileName(), api.calls().toString());
        assertEquals("Report", message.getCaption());
        JsonNode params = api.awaitCalls("sendDocument", 1, WAIT).get(0).params();
        assertEquals("report.csv", params.path("document").path("file_name").asText());
        assertArrayEquals(content, params.path("document").path("bytes").binaryValue());
        assertEquals(String.valueOf(USER), params.path("chat_id").asText());
        assertEquals(List.of(), api.violations());

        rejected(() -> client.execute(SendDocument.builder().chatId(USER).caption("c".repeat(1025))
                .document(new InputFile(new ByteArrayInputStream(content), "report.csv")).build()));
        assertEquals(1, api.violations().size());
    }

    @Test
    void enqueuedUpdatesDeserializeAndOffsetConfirms() throws TelegramApiException {
        Message menu = client.execute(SendMessage.builder().chatId(USER).text("menu")
                .replyMarkup(keyboard(callbackButton("Yes", "yes"))).build());
        api.enqueueText(USER, "/start now", "ru");
        api.enqueueCallback(USER, "yes", menu.getMessageId());
        api.enqueueInlineQuery(USER, "acme");
        long last = api.enqueueLocation(USER, 55.75, 37.62);
        assertEquals(4, api.pendingUpdates());

        List<Update> updates = client.execute(GetUpdates.builder().limit(3).timeout(0).build());
        assertEquals(3, updates.size(), "limit honoured");
        updates = client.execute(GetUpdates.builder().timeout(0).build());
        assertEquals(4, updates.size(), "nothing confirmed without an offset");
        Message text = updates.get(0).getMessage();
        assertTrue(text.isCommand());
        assertEquals("ru", text.getFrom().getLanguageCode());
        assertEquals(USER, text.getChatId());
        assertEquals("yes", updates.get(1).getCallbackQuery().getData());
        assertEquals(menu.getMessageId(), updates.get(1).getCallbackQuery().getMessage().getMessageId());
        assertEquals("acme", updates.get(2).getInlineQuery().getQuery());
        assertEquals(37.62, updates.get(3).getMessage().getLocation().getLongitude());
        assertEquals(last, updates.get(3).getUpdateId().longValue());

        updates = client.execute(GetUpdates.builder().offset((int) last).timeout(0).build());
        assertEquals(1, updates.size());
        assertEquals(1, api.pendingUpdates());
        assertEquals(0, client.execute(GetUpdates.builder().offset((int) last + 1).timeout(0).build()).size());
        assertEquals(0, api.pendingUpdates());
        assertEquals(42L, api.enqueue("{\"update_id\":42,\"message\":{\"message_id\":1,\"date\":0,"
                + "\"chat\":{\"id\":1,\"type\":\"private\"},\"text\":\"raw\"}}"));
        assertEquals(43L, api.enqueueText(USER, "next"));
        assertEquals(List.of(), api.violations());
    }

    @Test
    void heldPollWakesWhenAnUpdateArrives() throws Exception {
        CompletableFuture<? extends List<Update>> poll = client.executeAsync(GetUpdates.builder().timeout(50).build());
        api.awaitCalls("getUpdates", 1, WAIT);
        long id = api.enqueueText(USER, "wake up");
        List<Update> updates = poll.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertEquals(1, updates.size(), "the held poll answers the update instead of an empty list");
        assertEquals(id, updates.get(0).getUpdateId().longValue());

        long started = System.nanoTime();
        List<Update> none = client.execute(GetUpdates.builder().offset((int) id + 1).timeout(50).build());
        long heldMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        assertEquals(List.of(), none);
        assertTrue(heldMillis < 5_000, "held " + heldMillis + " ms; the fake must cap the hold at about 2 s");
    }

    @Test
    void awaitCallsTimesOutWithTheCallsSeen() throws TelegramApiException {
        client.execute(SendMessage.builder().chatId(USER).text("only one").build());
        AssertionError e = assertThrows(AssertionError.class,
                () -> api.awaitCalls("sendMessage", 2, Duration.ofMillis(200)));
        assertTrue(e.getMessage().contains("only one"), e.getMessage());
        assertEquals(1, api.awaitCalls("sendmessage", 1, WAIT).size());
    }

    @Test
    void longPollingApplicationReceivesUpdatesOnce() throws Exception {
        BlockingQueue<Update> received = new LinkedBlockingQueue<>();
        try (TelegramBotsLongPollingApplication app = new TelegramBotsLongPollingApplication()) {
            // the library passes the last update id it received; the next offset is one more
            app.registerBot(TOKEN, () -> url,
                    lastReceived -> GetUpdates.builder().offset(lastReceived + 1).limit(100).timeout(1).build(),
                    received::addAll);
            assertEquals(1, api.calls("deleteWebhook").size(), "registerBot deletes the webhook first");

            long first = api.enqueueText(USER, "/start");
            Update update = received.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertNotNull(update, "the consumer got no update");
            assertEquals(first, update.getUpdateId().longValue());
            assertEquals("/start", update.getMessage().getText());
            assertEquals("en", update.getMessage().getFrom().getLanguageCode());

            long second = api.enqueueText(USER, "hello", "de");
            Update next = received.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertNotNull(next, "the consumer got no second update");
            assertEquals(second, next.getUpdateId().longValue(), "the first update was delivered again");

            api.awaitCall("getUpdates", p -> p.path("offset").asLong() > second, WAIT);
            assertEquals(0, api.pendingUpdates(), "both updates confirmed");
            assertNull(received.poll(), "nothing delivered twice");
        }
        assertEquals(List.of(), api.violations());
    }
}
