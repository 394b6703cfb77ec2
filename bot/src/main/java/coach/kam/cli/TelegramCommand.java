package coach.kam.cli;

import coach.kam.config.Config;

import coach.kam.KamCoach;
import coach.kam.access.Access;
import coach.kam.telegram.TelegramRunner;
import coach.kam.pipeline.QuarantineDesk;
import coach.kam.quarantine.DeskRequests;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Runs the Telegram bot with long polling until SIGTERM or Ctrl-C. */
@Command(name = "telegram", mixinStandardHelpOptions = true, description = "Run the Telegram bot (long polling).")
final class TelegramCommand implements Callable<Integer> {
    /** How often due check-ins and reminders are looked for: reminders are to the minute. */
    private static final java.time.Duration SCHEDULE_EVERY = java.time.Duration.ofSeconds(15);

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
        Clock clock = Clock.systemDefaultZone();
        KamCoach coach = KamCoach.start(config, clock);
        Access access = new Access(coach.store(), config.allowedUsers(), config.admins(), config.inviteCode(),
                config.openAccess());
        TelegramRunner runner;
        try {
            runner = TelegramRunner.start(
                    TelegramRunner.Settings.of(config.telegramToken().get(), config.telegramApiUrl(), config.sendRate()),
                    coach.store(), coach.conversation(), coach.sendQueue(), access, coach.inlineSearch(), clock, config.dataDir());
        } catch (Exception e) {
            coach.close();
            throw e;
        }
        AutoCloseable schedule = coach.scheduler().every(SCHEDULE_EVERY, coach.sendQueue()::wake);
        QuarantineDesk desk = new QuarantineDesk(coach.store(), runner.bot().pipeline(), coach.scheduler()::retry);
        coach.desk().set(desk);
        java.util.concurrent.ScheduledExecutorService requests = java.util.concurrent.Executors
                .newSingleThreadScheduledExecutor(r -> {
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
        }, 1, 1, java.util.concurrent.TimeUnit.SECONDS);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                schedule.close();
            } catch (Exception e) {
                System.err.println("kam-coach: stopping the schedule: " + e);
            }
            requests.shutdownNow();
            runner.close();
            coach.close();
        }, "kam-shutdown"));
        System.err.println("KAM Coach is running on Telegram; data in " + config.dataDir().toAbsolutePath());
        runner.awaitStop();
        return 0;
    }
}
