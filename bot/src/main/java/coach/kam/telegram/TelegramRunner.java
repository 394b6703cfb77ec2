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

    /**
     * How updates come in: long polling (the default), or Telegram's webhook posting to {@code url}
     * with {@code secret} in its header ({@link #webhook()} is then the handler to serve).
     */
    public record Intake(java.util.Optional<URI> url, String secret) {
        public static Intake polling() {
            return new Intake(java.util.Optional.empty(), null);
        }

        public static Intake webhook(URI url, String secret) {
            return new Intake(java.util.Optional.of(url), secret);
        }
    }

    /** How long queued messages may still go out when the bot stops. */
    static final Duration DRAIN = Duration.ofSeconds(10);

    private final TelegramBotsLongPollingApplication app;
    private final TelegramBot bot;
    private final SendQueue queue;
    private final WebhookIntake webhook;
    private final CountDownLatch stopped = new CountDownLatch(1);

    private TelegramRunner(TelegramBotsLongPollingApplication app, TelegramBot bot, SendQueue queue,
                           WebhookIntake webhook) {
        this.app = app;
        this.bot = bot;
        this.queue = queue;
        this.webhook = webhook;
    }

    /** In webhook mode, the handler for Telegram's posts (serve it at the webhook URL's path); else null. */
    public com.sun.net.httpserver.HttpHandler webhook() {
        return webhook;
    }

    public TelegramBot bot() {
        return bot;
    }

    /** Waits until the update with this id was handled and its replies accepted by Telegram; false on timeout. */
    public boolean awaitHandled(long updateId, Duration timeout) throws InterruptedException {
        return bot.awaitHandled((int) updateId, timeout);
    }

    /**
     * Registers the bot and starts polling, handling and sending; returns once Telegram accepted the
     * start-up calls. Those are retried like any other call while Telegram is busy or unreachable
     * (see {@link RetryAtStart}); a refusal (a wrong token) fails at once.
     */
    public static TelegramRunner start(Settings settings, Store store, Conversation conversation, SendQueue queue,
                                       Access access, InlineSearch inline, Clock clock) throws TelegramApiException {
        return start(settings, store, conversation, queue, access, inline, clock, (java.nio.file.Path) null);
    }

    /** As above, with the data folder where the pipeline notes the group in hand (null: not noted). */
    public static TelegramRunner start(Settings settings, Store store, Conversation conversation, SendQueue queue,
                                       Access access, InlineSearch inline, Clock clock, java.nio.file.Path dataDir)
            throws TelegramApiException {
        return start(settings, store, conversation, queue, access, inline, clock, dataDir, d -> Thread.sleep(d.toMillis()),
                Intake.polling(), null);
    }

    /**
     * As above, taking updates by {@code intake} and counting Telegram's answers in {@code meters}
     * (null: not counted).
     */
    public static TelegramRunner start(Settings settings, Store store, Conversation conversation, SendQueue queue,
                                       Access access, InlineSearch inline, Clock clock, java.nio.file.Path dataDir,
                                       Intake intake, io.micrometer.core.instrument.MeterRegistry meters)
            throws TelegramApiException {
        return start(settings, store, conversation, queue, access, inline, clock, dataDir, d -> Thread.sleep(d.toMillis()),
                intake, meters);
    }

    /** As above, waiting between retries with {@code pause} (tests record the waits instead of sleeping). */
    static TelegramRunner start(Settings settings, Store store, Conversation conversation, SendQueue queue,
                                Access access, InlineSearch inline, Clock clock, ReplySender.Pause pause)
            throws TelegramApiException {
        return start(settings, store, conversation, queue, access, inline, clock, null, pause, Intake.polling(), null);
    }

    private static TelegramRunner start(Settings settings, Store store, Conversation conversation, SendQueue queue,
                                        Access access, InlineSearch inline, Clock clock, java.nio.file.Path dataDir,
                                        ReplySender.Pause pause, Intake intake,
                                        io.micrometer.core.instrument.MeterRegistry meters)
            throws TelegramApiException {
        URI apiUrl = settings.apiUrl();
        TelegramUrl url = new TelegramUrl(apiUrl.getScheme(), apiUrl.getHost(), port(apiUrl), false);
        OkHttpClient.Builder sendBuilder = new OkHttpClient.Builder();
        if (meters != null) {
            sendBuilder.addInterceptor(new TelegramAnswers(meters));
        }
        OkHttpClient sendClient = sendBuilder
                .retryOnConnectionFailure(false)
                .connectionPool(new ConnectionPool(SENDERS + 2, 5, java.util.concurrent.TimeUnit.MINUTES))
                .connectTimeout(Duration.ofSeconds(10))
                .readTimeout(settings.sendTimeout())
                .writeTimeout(settings.sendTimeout())
                .build();
        OkHttpTelegramClient client = new OkHttpTelegramClient(sendClient, settings.token(), url);
        ReplySender sender = new ReplySender(client, pause);
        registerCommands(sender, conversation.messages());
        queue.start(new TelegramTransport(client), new Pacer(settings.sendRate(), System::nanoTime), SENDERS);
        TelegramBot bot = new TelegramBot(store, conversation, access, inline, queue, sender, clock,
                new TelegramFiles(client, sendClient, apiUrl, settings.token()), dataDir);
        if (meters != null) {
            bot.pipeline().instrument(meters);
        }
        if (intake.url().isPresent()) {
            try {
                Webhooks.set(client, pause, intake.url().get(), intake.secret(), UPDATE_TYPES);
            } catch (TelegramApiException | RuntimeException e) {
                bot.close();
                queue.close();
                throw e;
            }
            return new TelegramRunner(null, bot, queue, new WebhookIntake(bot, intake.secret()));
        }
        OkHttpClient pollClient = new OkHttpClient.Builder()
                .retryOnConnectionFailure(false)
                // the session's own deleteWebhook at registration is tried once; getUpdates has the session's back-off
                .addInterceptor(new RetryAtStart(pause))
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
        return new TelegramRunner(app, bot, queue, null);
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

    /** Whether {@link #close()} ran. */
    public boolean closed() {
        return stopped.getCount() == 0;
    }

    /** Blocks until {@link #close()} is called. */
    public void awaitStop() throws InterruptedException {
        stopped.await();
    }

    /**
     * Stops taking updates, finishes the group in hand, gives queued messages up to
     * {@value #DRAIN_SECONDS} s to go out, then stops sending; what is left waits in the store for
     * the next start.
     */
    @Override
    public void close() {
        bot.stopIntake();
        if (app != null) {
            try {
                app.close();
            } catch (Exception e) {
                LOG.warn("stopping long polling: {}", e.toString());
            }
        }
        bot.close();
        try {
            if (!queue.awaitEmpty(DRAIN)) {
                LOG.info("{} message(s) still queued are sent at the next start", queue.pending());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        queue.close();
        stopped.countDown();
    }

    private static final int DRAIN_SECONDS = 10;
}
