package coach.kam.cli;

import coach.kam.config.Config;

import coach.kam.KamCoach;
import coach.kam.access.Access;
import coach.kam.ops.BotMetrics;
import coach.kam.ops.OpsSettings;
import coach.kam.ops.Ticker;
import coach.kam.telegram.TelegramRunner;
import coach.kam.pipeline.QuarantineDesk;
import coach.kam.quarantine.DeskRequests;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Runs the Telegram bot until SIGTERM or Ctrl-C: long polling, or Telegram's webhook when
 * {@code KAM_WEBHOOK_URL} is set; health checks and metrics on {@code KAM_HTTP_PORT}.
 */
@Command(name = "telegram", mixinStandardHelpOptions = true,
        description = "Run the Telegram bot (long polling, or the webhook with KAM_WEBHOOK_URL).")
final class TelegramCommand implements Callable<Integer> {
    /** How often due check-ins and reminders are looked for: reminders are to the minute. */
    private static final Duration SCHEDULE_EVERY = Duration.ofSeconds(15);

    @Option(names = "--data", description = "Data folder (default: KAM_DATA_DIR or ./data).")
    Path data;

    @Override
    public Integer call() throws Exception {
        Config config = Main.config(data);
        if (config.telegramToken().isEmpty()) {
            System.err.println("kam-coach: TELEGRAM_BOT_TOKEN is not set");
            return 2;
        }
        if (config.accessProblem().isPresent()) {
            System.err.println("kam-coach: " + config.accessProblem().get());
            return 2;
        }
        OpsSettings ops = OpsSettings.fromEnvironment(System.getenv());
        DataFolder.check(config.dataDir());
        Clock clock = Clock.systemDefaultZone();
        BotMetrics metrics = new BotMetrics();
        KamCoach coach = KamCoach.start(config, clock);
        Access access = new Access(coach.store(), config.allowedUsers(), config.admins(), config.inviteCode(),
                config.openAccess());
        Operations operations = new Operations(ops, metrics, clock);
        TelegramRunner runner;
        try {
            operations.serve();
            TelegramRunner.Intake intake = ops.webhook()
                    ? TelegramRunner.Intake.webhook(ops.webhookUrl().get(), ops.webhookSecret().get())
                    : TelegramRunner.Intake.polling();
            runner = TelegramRunner.start(
                    TelegramRunner.Settings.of(config.telegramToken().get(), config.telegramApiUrl(), config.sendRate()),
                    coach.store(), coach.conversation(), coach.sendQueue(), access, coach.inlineSearch(), clock,
                    config.dataDir(), intake, metrics.registry());
        } catch (Exception e) {
            operations.close();
            coach.close();
            throw e;
        }
        Ticker schedule = Ticker.start("scheduler", SCHEDULE_EVERY, Duration.ofMinutes(5), metrics.registry(), () -> {
            if (coach.scheduler().runDue() > 0) {
                coach.sendQueue().wake();
            }
        });
        operations.watch(coach, runner, schedule, config.dataDir());
        QuarantineDesk desk = new QuarantineDesk(coach.store(), runner.bot().pipeline(), coach.scheduler()::retry);
        coach.desk().set(desk);
        ScheduledExecutorService requests = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "kam-requests");
            t.setDaemon(true);
            return t;
        });
        requests.scheduleWithFixedDelay(() -> {
            try {
                DeskRequests.serve(desk, config.dataDir());
            } catch (Throwable e) {
                System.err.println("kam-coach: quarantine request: " + e);
            }
        }, 1, 1, TimeUnit.SECONDS);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.err.println("KAM Coach is stopping: no new updates; the group in hand and queued messages finish");
            schedule.close();
            requests.shutdownNow();
            runner.close();
            operations.close();
            coach.close();
            System.err.println("KAM Coach stopped");
        }, "kam-shutdown"));
        System.err.println("KAM Coach is running on Telegram (" + (ops.webhook() ? "webhook" : "long polling")
                + "); data in " + config.dataDir().toAbsolutePath());
        runner.awaitStop();
        return 0;
    }
}
