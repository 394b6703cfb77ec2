package coach.kam.cli;

import coach.kam.config.Config;

import coach.kam.KamCoach;
import coach.kam.console.ConsoleChat;
import coach.kam.knowledge.KnowledgeException;
import coach.kam.store.StoreException;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The command line: the bot (Telegram or console) and the one-shot tools. */
@Command(name = "kam-coach", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "KAM Coach: a key-account coach for sales reps. With no command: Telegram when"
                + " TELEGRAM_BOT_TOKEN is set, else the console chat.",
        subcommands = {Main.Console.class, TelegramCommand.class, AskCommand.class, ObjectionCommand.class,
                ObjectionCommand.Objections.class,
                DataCommands.Export.class, DataCommands.Backup.class, DataCommands.Restore.class,
                QuarantineCommand.class, StoreChecks.class, AuditCommand.class, CompactCommand.class})
public final class Main implements Callable<Integer> {

    /** An empty store may start where one is missing next to backups (as KAM_NEW_STORE=true). */
    @Option(names = "--new-store", scope = CommandLine.ScopeType.INHERIT,
            description = "Start with an empty store even though backups/ holds backups (as KAM_NEW_STORE=true).")
    void newStore(boolean yes) {
        if (yes) {
            System.setProperty("kam.newStore", "true");
        }
    }

    public static void main(String[] args) {
        int code = run(args);
        coach.kam.retrieval.Embedder.stopBeforeExit();
        System.exit(code);
    }

    static int run(String[] args) {
        CommandLine cli = new CommandLine(new Main());
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("kam-coach: " + readable(e));
            return 2;
        });
        return cli.execute(args);
    }

    @Override
    public Integer call() throws Exception {
        Config config = Config.fromEnvironment(System.getenv());
        if (config.telegramToken().isPresent()) {
            return new TelegramCommand().call();
        }
        if (System.console() == null && Terminal.inputIsNull()) {
            // e.g. a container started without a token and without -i: nothing to chat with, nothing to serve
            System.err.println("kam-coach: TELEGRAM_BOT_TOKEN is not set and there is no terminal to chat in."
                    + " Set TELEGRAM_BOT_TOKEN to run on Telegram, or start with a terminal (docker run -it) for the console.");
            return 2;
        }
        System.err.println("No TELEGRAM_BOT_TOKEN set: opening the console chat. Set it to run on Telegram.");
        return new Console().call();
    }

    static String readable(Throwable e) {
        if (e instanceof Config.Invalid || e instanceof StoreException || e instanceof KnowledgeException
                || e instanceof java.io.UncheckedIOException) {
            return e.getMessage();
        }
        return e.toString();
    }

    static Config config(Path dataDir) {
        Config config = Config.fromEnvironment(System.getenv());
        Config chosen = dataDir == null ? config : config.withDataDir(dataDir);
        runtimeFiles(chosen.dataDir());
        return chosen;
    }

    /**
     * Models and native libraries are unpacked once under {@code KAM_RUNTIME_DIR}, or the data
     * folder's {@code runtime}; when that cannot be written (a read-only data folder for a one-shot
     * command) the libraries' temporary files are used as before.
     */
    private static void runtimeFiles(Path dataDir) {
        String configured = System.getenv("KAM_RUNTIME_DIR");
        Path dir = configured != null && !configured.isBlank() ? Path.of(configured.strip()) : dataDir.resolve("runtime");
        coach.kam.retrieval.RuntimeFiles.use(dir);
    }

    static PrintStream utf8Out() {
        return new PrintStream(System.out, true, StandardCharsets.UTF_8);
    }

    /** The chat in the terminal; reads standard input line by line, so a script can be piped in. */
    @Command(name = "console", mixinStandardHelpOptions = true, description = "Chat in the terminal.")
    static final class Console implements Callable<Integer> {
        @Option(names = "--data", description = "Data folder (default: KAM_DATA_DIR or ./data).")
        Path data;

        @Option(names = "--user", description = "Local user id (default: 1).")
        long user = 1;

        @Option(names = "--lang", description = "zh or en (default: from the system locale).")
        String lang;

        @Override
        public Integer call() throws Exception {
            Config config = config(data);
            String language = lang != null ? lang : Locale.getDefault().getLanguage();
            boolean interactive = System.console() != null;
            DataFolder.check(config.dataDir());
            try (KamCoach coach = KamCoach.start(config, Clock.systemDefaultZone())) {
                PrintStream out = utf8Out();
                if (interactive) {
                    out.println("KAM Coach console · data in " + config.dataDir().toAbsolutePath()
                            + " · /help for commands, /quit to leave");
                }
                BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
                new ConsoleChat(coach.conversation(), in, out, user, language)
                        .savingDocumentsIn(config.dataDir().resolve("exports"))
                        .countingDeathsIn(config.dataDir())
                        .showingDue(coach.scheduler(), java.time.Duration.ofSeconds(5)).run(interactive);
            }
            return 0;
        }
    }

    /** Reads the version packed in the jar's manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"kam-coach " + (v == null ? "dev" : v)};
        }
    }
}
