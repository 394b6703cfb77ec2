package coach.kam.telegram;

import coach.kam.access.Access;
import coach.kam.conversation.Conversation;
import coach.kam.conversation.InlineSearch;
import coach.kam.conversation.Messages;
import coach.kam.conversation.commands.SettingsCommands;
import coach.kam.delivery.Pacer;
import coach.kam.delivery.SendQueue;
import coach.kam.store.Store;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.longpolling.TelegramBotsLongPollingApplication;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.commands.SetMyCommands;
import org.telegram.telegrambots.meta.api.objects.commands.BotCommand;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

/** Starts long polling with clients built here (no silent re-sends), the inbox and the send queue, and stops them cleanly. */
public final class TelegramRunner implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TelegramRunner.class);
    private static final List<String> UPDATE_TYPES = List.of("message", "callback_query", "inline_query");
    /** Sends in flight at once (each chat has at most one). */
    private static final int SENDERS = 8;

    /**
     * How to reach Telegram: {@code sendRate} messages a second overall (0 unpaced), the read
     * timeout of a send, and how long one getUpdates is held.
     */
    public record Settings(String token, URI apiUrl, double sendRate, Duration sendTimeout, int pollSeconds) {
        public static Settings of(String token, URI apiUrl, double sendRate) {
            return new Settings(token, apiUrl, sendRate, Duration.ofSeconds(30), InboxGetUpdates.TIMEOUT_SECONDS);
        }
    }

    private final TelegramBotsLongPollingApplication app;
    private final TelegramBot bot;
    private final SendQueue queue;
    private final CountDownLatch stopped = new CountDownLatch(1);

    private TelegramRunner(TelegramBotsLongPollingApplication app, TelegramBot bot, SendQueue queue) {
        this.app = app;
        this.bot = bot;
        this.queue = queue;
    }

    public TelegramBot bot() {
        return bot;
    }

    /** Waits until the update with this id was handled and its replies accepted by Telegram; false on timeout. */
    public boolean awaitHandled(long updateId, Duration timeout) throws InterruptedException {
        return bot.awaitHandled((int) updateId, timeout);
    }

    /** Registers the bot and starts polling, handling and sending; returns at once. */
    public static TelegramRunner start(Settings settings, Store store, Conversation conversation, SendQueue queue,
                                       Access access, InlineSearch inline, Clock clock) throws TelegramApiException {
        return start(settings, store, conversation, queue, access, inline, clock, null);
    }

    /** As above, with the data folder where the pipeline notes the group in hand (null: not noted). */
    public static TelegramRunner start(Settings settings, Store store, Conversation conversation, SendQueue queue,
                                       Access access, InlineSearch inline, Clock clock, java.nio.file.Path dataDir)
            throws TelegramApiException {
        URI apiUrl = settings.apiUrl();
        TelegramUrl url = new TelegramUrl(apiUrl.getScheme(), apiUrl.getHost(), port(apiUrl), false);
        OkHttpClient sendClient = new OkHttpClient.Builder()
                .retryOnConnectionFailure(false)
                .connectionPool(new ConnectionPool(SENDERS + 2, 5, java.util.concurrent.TimeUnit.MINUTES))
                .connectTimeout(Duration.ofSeconds(10))
                .readTimeout(settings.sendTimeout())
                .writeTimeout(settings.sendTimeout())
                .build();
        OkHttpTelegramClient client = new OkHttpTelegramClient(sendClient, settings.token(), url);
        ReplySender sender = new ReplySender(client, d -> Thread.sleep(d.toMillis()));
        registerCommands(sender, conversation.messages());
        queue.start(new TelegramTransport(client), new Pacer(settings.sendRate(), System::nanoTime), SENDERS);
        TelegramBot bot = new TelegramBot(store, conversation, access, inline, queue, sender, clock,
                new TelegramFiles(client, sendClient, apiUrl, settings.token()), dataDir);
        OkHttpClient pollClient = new OkHttpClient.Builder()
                .retryOnConnectionFailure(false)
                .readTimeout(Duration.ofSeconds(settings.pollSeconds() + 25L))
                .build();
        TelegramBotsLongPollingApplication app = new TelegramBotsLongPollingApplication(
                ObjectMapper::new, () -> pollClient);
        try {
            app.registerBot(settings.token(), () -> url, InboxGetUpdates.generator(UPDATE_TYPES, settings.pollSeconds()),
                    bot);
        } catch (TelegramApiException | RuntimeException e) {
            bot.close();
            queue.close();
            throw e;
        }
        return new TelegramRunner(app, bot, queue);
    }

    static void registerCommands(ReplySender sender, Messages messages) {
        for (String lang : List.of("en", "zh")) {
            List<BotCommand> commands = SettingsCommands.MENU.stream()
                    .map(c -> new BotCommand(c, messages.get(lang, "menu." + c))).toList();
            SetMyCommands.SetMyCommandsBuilder<?, ?> set = SetMyCommands.builder().commands(commands);
            if (lang.equals("zh")) {
                set.languageCode("zh");
            }
            sender.execute(set.build());
        }
    }

    private static int port(URI uri) {
        if (uri.getPort() > 0) {
            return uri.getPort();
        }
        return "https".equals(uri.getScheme()) ? 443 : 80;
    }

    /** Blocks until {@link #close()} is called. */
    public void awaitStop() throws InterruptedException {
        stopped.await();
    }

    /** Stops polling, then handling, then sending; what is left waits in the store for the next start. */
    @Override
    public void close() {
        try {
            app.close();
        } catch (Exception e) {
            LOG.warn("stopping long polling: {}", e.toString());
        }
        bot.close();
        queue.close();
        stopped.countDown();
    }
}
