package coach.kam.telegram;

import coach.kam.access.Access;
import coach.kam.conversation.Conversation;
import coach.kam.conversation.InlineSearch;
import coach.kam.conversation.Messages;
import coach.kam.conversation.commands.SettingsCommands;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import com.fasterxml.jackson.databind.ObjectMapper;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.longpolling.TelegramBotsLongPollingApplication;
import org.telegram.telegrambots.longpolling.util.DefaultGetUpdatesGenerator;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.commands.SetMyCommands;
import org.telegram.telegrambots.meta.api.objects.commands.BotCommand;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

/** Starts long polling with clients built here (no silent re-sends) and stops it cleanly. */
public final class TelegramRunner implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TelegramRunner.class);
    private static final List<String> UPDATE_TYPES = List.of("message", "callback_query", "inline_query");

    private final TelegramBotsLongPollingApplication app;
    private final ExecutorService workers;
    private final CountDownLatch stopped = new CountDownLatch(1);

    private final TelegramBot bot;

    private TelegramRunner(TelegramBotsLongPollingApplication app, ExecutorService workers, TelegramBot bot) {
        this.app = app;
        this.workers = workers;
        this.bot = bot;
    }

    /** Waits until the update with this id was handled and its replies sent; false on timeout. */
    public boolean awaitHandled(long updateId, Duration timeout) throws InterruptedException {
        return bot.awaitHandled((int) updateId, timeout);
    }

    /** Registers the bot and starts polling; returns at once. */
    public static TelegramRunner start(String token, URI apiUrl, Conversation conversation, Access access,
                                       InlineSearch inline, Clock clock) throws TelegramApiException {
        TelegramUrl url = new TelegramUrl(apiUrl.getScheme(), apiUrl.getHost(), port(apiUrl), false);
        OkHttpClient sendClient = new OkHttpClient.Builder()
                .retryOnConnectionFailure(false)
                .connectTimeout(Duration.ofSeconds(10))
                .readTimeout(Duration.ofSeconds(30))
                .build();
        ReplySender sender = new ReplySender(new OkHttpTelegramClient(sendClient, token, url),
                d -> Thread.sleep(d.toMillis()));
        registerCommands(sender, conversation.messages());
        ExecutorService workers = Executors.newFixedThreadPool(8, r -> {
            Thread t = new Thread(r, "kam-chat");
            t.setDaemon(true);
            return t;
        });
        TelegramBot bot = new TelegramBot(conversation, access, inline, sender, workers, clock);
        bot.sendOwedReplies();
        OkHttpClient pollClient = new OkHttpClient.Builder()
                .retryOnConnectionFailure(false)
                .readTimeout(Duration.ofSeconds(75))
                .build();
        TelegramBotsLongPollingApplication app = new TelegramBotsLongPollingApplication(
                ObjectMapper::new, () -> pollClient);
        app.registerBot(token, () -> url, new DefaultGetUpdatesGenerator(UPDATE_TYPES), bot);
        return new TelegramRunner(app, workers, bot);
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

    @Override
    public void close() {
        try {
            app.close();
        } catch (Exception e) {
            LOG.warn("stopping long polling: {}", e.toString());
        }
        workers.shutdown();
        try {
            workers.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        stopped.countDown();
    }
}
