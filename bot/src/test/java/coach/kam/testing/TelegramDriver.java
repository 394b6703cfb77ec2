package coach.kam.testing;

import coach.kam.KamCoach;
import coach.kam.access.Access;
import coach.kam.text.Html;
import coach.kam.telegram.FakeBotApi;
import coach.kam.telegram.TelegramRunner;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The real Telegram adapter (real client, real long polling) against the fake Bot API on
 * 127.0.0.1; every call it makes is checked against the published API.
 */
public final class TelegramDriver implements ChatDriver {
    public static final String TOKEN = "123456:TEST-token-for-the-fake-bot-api";
    private static final Duration WAIT = Duration.ofSeconds(20);

    private final Path dataDir;
    private final MutableClock clock;
    private final String lang;
    private final FakeBotApi api;
    private final Set<Long> allowed;
    private final java.util.function.Function<URI, TelegramRunner.Settings> settings;
    private final java.util.function.Function<Path, KamCoach> coaches;
    private final Map<Long, Map<String, String>> lastButtons = new HashMap<>();
    private KamCoach coach;
    private TelegramRunner runner;
    private int seenCalls;

    public TelegramDriver(Path dataDir, MutableClock clock, String lang, Set<Long> allowed) {
        this(dataDir, clock, lang, allowed, FakeBotApi.start(TOKEN), url -> TelegramRunner.Settings.of(TOKEN, url, 0));
    }

    /** With a fake set up by the caller (limits, faults) and the adapter's settings made from the fake's URL. */
    public TelegramDriver(Path dataDir, MutableClock clock, String lang, Set<Long> allowed, FakeBotApi api,
                          java.util.function.Function<URI, TelegramRunner.Settings> settings) {
        this(dataDir, clock, lang, allowed, api, settings, dir -> TestCoach.start(dir, clock));
    }

    /** With the core made by {@code coaches} (e.g. with indexes still being built). */
    public TelegramDriver(Path dataDir, MutableClock clock, String lang, Set<Long> allowed, FakeBotApi api,
                          java.util.function.Function<URI, TelegramRunner.Settings> settings,
                          java.util.function.Function<Path, KamCoach> coaches) {
        this.coaches = coaches;
        this.settings = settings;
        this.dataDir = dataDir;
        this.clock = clock;
        this.lang = lang;
        this.allowed = allowed;
        this.api = api;
        open();
    }

    public FakeBotApi api() {
        return api;
    }

    public TelegramRunner runner() {
        return runner;
    }

    public KamCoach coach() {
        return coach;
    }

    private void open() {
        coach = coaches.apply(dataDir);
        Access access = new Access(coach.store(), allowed, Set.of(TestCoach.MANAGER), Optional.of("JOIN-KAM-2026"), allowed.isEmpty());
        try {
            runner = TelegramRunner.start(settings.apply(URI.create(api.baseUrl())), coach.store(),
                    coach.conversation(), coach.sendQueue(), access, coach.inlineSearch(), clock, dataDir);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        seenCalls = api.calls().size();
    }

    /** Counts everything sent so far as seen, so the next turn returns only its own replies. */
    public void skipSent() {
        seenCalls = api.calls().size();
    }

    @Override
    public List<Shown> type(long user, String text) {
        return after(() -> api.enqueueText(user, text, lang), user);
    }

    @Override
    public List<Shown> press(long user, String label) {
        String data = lastButtons.getOrDefault(user, Map.of()).get(label);
        if (data == null) {
            throw new AssertionError("no button '" + label + "' was shown; saw " + lastButtons.get(user));
        }
        return pressData(user, data);
    }

    /** Presses a button on the message that shows it (as Telegram's apps do), or on message 1 when none does. */
    public List<Shown> pressData(long user, String data) {
        int messageId = (int) api.messageWithButton(user, data).orElse(1);
        int answered = api.calls("answerCallbackQuery").size();
        return after(() -> api.enqueueCallback(user, data, messageId), user, answered + 1);
    }

    @Override
    public List<Shown> location(long user, double latitude, double longitude) {
        return after(() -> api.enqueueLocation(user, latitude, longitude), user);
    }

    /** Enqueues one update, waits until it was handled, and returns the messages sent meanwhile. */
    public List<Shown> after(java.util.function.LongSupplier enqueue, long user) {
        return after(enqueue, user, 0);
    }

    /**
     * As {@link #after(java.util.function.LongSupplier, long)}, and for a tap also waits for its
     * answerCallbackQuery (the {@code answers}th), which goes out right after the edit it may bring.
     */
    private List<Shown> after(java.util.function.LongSupplier enqueue, long user, int answers) {
        long updateId = enqueue.getAsLong();
        try {
            if (!runner.awaitHandled(updateId, WAIT)) {
                throw new AssertionError("the bot did not handle the update in time");
            }
            if (answers > 0) {
                api.awaitCalls("answerCallbackQuery", answers, WAIT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted");
        }
        List<FakeBotApi.Call> calls = api.calls();
        List<FakeBotApi.Call> fresh = calls.subList(seenCalls, calls.size());
        seenCalls = calls.size();
        List<Shown> shown = new ArrayList<>();
        Map<String, String> buttons = new LinkedHashMap<>();
        for (FakeBotApi.Call c : fresh) {
            boolean shows = c.method().equalsIgnoreCase("sendMessage") || c.method().equalsIgnoreCase("editMessageText");
            String file = c.method().equalsIgnoreCase("sendDocument") ? "document"
                    : c.method().equalsIgnoreCase("sendPhoto") ? "photo" : null;
            if (!(shows || file != null) || !c.ok() || c.params().path("chat_id").asLong() != user) {
                continue;
            }
            List<String> labels = new ArrayList<>();
            for (JsonNode row : c.params().path("reply_markup").path("inline_keyboard")) {
                for (JsonNode b : row) {
                    labels.add(b.path("text").asText());
                    buttons.put(b.path("text").asText(), b.path("callback_data").asText());
                }
            }
            // a file shows as the console prints it: its caption, then a line naming the file
            String text = file == null ? Html.toPlain(c.params().path("text").asText())
                    : Html.toPlain(c.params().path("caption").asText()) + "\n📎 " + c.params().path(file).path("file_name").asText();
            shown.add(new Shown(text, labels));
        }
        if (!buttons.isEmpty()) {
            lastButtons.put(user, buttons);
        }
        return shown;
    }

    @Override
    public void advance(java.time.Duration d) {
        clock.advance(d);
    }

    @Override
    public void restart() {
        runner.close();
        coach.close();
        open();
    }

    /** Starts the bot again on the same data folder (after {@link #stop()}). */
    public void start() {
        open();
    }

    /** Stops the bot; the fake stays up. */
    public void stop() {
        runner.close();
        coach.close();
    }

    @Override
    public void close() {
        runner.close();
        coach.close();
        api.close();
    }
}
