package coach.kam.config;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Settings from environment variables, checked once at start. Every problem becomes one line
 * naming the variable, so a person can fix them all in one go.
 */
public record Config(Path dataDir, Optional<Path> knowledgeDir, Optional<String> telegramToken, URI telegramApiUrl,
                     Set<Long> allowedUsers, Optional<String> inviteCode, boolean openAccess, Set<Long> admins,
                     Llm llm, double sendRate, Optional<java.time.LocalTime> backupTime) {

    /** When the daily backup is taken unless KAM_BACKUP_TIME says otherwise. */
    public static final java.time.LocalTime DEFAULT_BACKUP_TIME = java.time.LocalTime.of(3, 0);

    /** Messages a second to Telegram overall, unless KAM_SEND_RATE says otherwise (Telegram allows about 30). */
    public static final double DEFAULT_SEND_RATE = 25;
    static final double MAX_SEND_RATE = 1000;

    public static final URI PUBLIC_BOT_API = URI.create("https://api.telegram.org");

    /** The optional language model; {@code provider} is "none", "openai" or "ollama". */
    public record Llm(String provider, Optional<URI> baseUrl, Optional<String> apiKey, Optional<String> model,
                      boolean shareNotes) {
        public boolean enabled() {
            return !"none".equals(provider);
        }
    }

    /** Thrown with every problem found, one per line. */
    public static final class Invalid extends RuntimeException {
        public Invalid(List<String> problems) {
            super(String.join("\n", problems));
        }
    }

    public static Config fromEnvironment(Map<String, String> env) {
        List<String> problems = new ArrayList<>();
        Path dataDir = Path.of(value(env, "KAM_DATA_DIR").orElse("./data"));
        Optional<Path> knowledge = value(env, "KAM_KNOWLEDGE_DIR").map(Path::of);
        knowledge.filter(p -> !p.toFile().isDirectory()).ifPresent(p ->
                problems.add("KAM_KNOWLEDGE_DIR: " + p + " is not a folder"));
        Optional<String> token = value(env, "TELEGRAM_BOT_TOKEN");
        token.filter(t -> !t.matches("\\d+:[A-Za-z0-9_-]{20,}")).ifPresent(t ->
                problems.add("TELEGRAM_BOT_TOKEN: does not look like a bot token (digits, a colon, then 20+ letters)"));
        URI api = url(env, "KAM_TELEGRAM_API_URL", problems).orElse(PUBLIC_BOT_API);
        Set<Long> allowed = ids(env, "KAM_ALLOWED_USERS", problems);
        Set<Long> admins = ids(env, "KAM_ADMINS", problems);
        Optional<String> invite = value(env, "KAM_INVITE_CODE");
        invite.filter(c -> c.length() < 6 || c.chars().anyMatch(Character::isWhitespace)).ifPresent(c ->
                problems.add("KAM_INVITE_CODE: use at least 6 characters and no spaces"));
        boolean open = bool(env, "KAM_OPEN_ACCESS", problems);
        Llm llm = llm(env, problems);
        double sendRate = sendRate(env, problems);
        Optional<java.time.LocalTime> backupTime = backupTime(env, problems);
        if (!problems.isEmpty()) {
            throw new Invalid(problems);
        }
        return new Config(dataDir, knowledge, token, api, allowed, invite, open, admins, llm, sendRate, backupTime);
    }

    public Config withDataDir(Path dir) {
        return new Config(dir, knowledgeDir, telegramToken, telegramApiUrl, allowedUsers, inviteCode, openAccess, admins, llm,
                sendRate, backupTime);
    }

    /** Telegram mode must not start open to the whole world by accident. */
    public Optional<String> accessProblem() {
        if (allowedUsers.isEmpty() && admins.isEmpty() && inviteCode.isEmpty() && !openAccess) {
            return Optional.of("telegram mode needs KAM_ALLOWED_USERS, KAM_ADMINS or KAM_INVITE_CODE"
                    + " (or KAM_OPEN_ACCESS=true to let anyone in)");
        }
        return Optional.empty();
    }

    private static Llm llm(Map<String, String> env, List<String> problems) {
        String provider = value(env, "KAM_LLM_PROVIDER").map(String::toLowerCase).orElse("none");
        if (!Set.of("none", "openai", "ollama").contains(provider)) {
            problems.add("KAM_LLM_PROVIDER: must be openai, ollama or none, not " + provider);
        }
        Optional<URI> base = url(env, "KAM_LLM_BASE_URL", problems);
        Optional<String> key = value(env, "KAM_LLM_API_KEY");
        Optional<String> model = value(env, "KAM_LLM_MODEL");
        if (!"none".equals(provider) && model.isEmpty()) {
            problems.add("KAM_LLM_MODEL: required when KAM_LLM_PROVIDER is set");
        }
        if ("ollama".equals(provider) && value(env, "KAM_LLM_BASE_URL").isEmpty()) {
            problems.add("KAM_LLM_BASE_URL: required for ollama (e.g. http://127.0.0.1:11434)");
        }
        if ("openai".equals(provider) && key.isEmpty()) {
            problems.add("KAM_LLM_API_KEY: required for openai");
        }
        return new Llm(provider, base, key, model, bool(env, "KAM_LLM_SHARE_NOTES", problems));
    }

    private static double sendRate(Map<String, String> env, List<String> problems) {
        Optional<String> raw = value(env, "KAM_SEND_RATE");
        if (raw.isEmpty()) {
            return DEFAULT_SEND_RATE;
        }
        try {
            double rate = Double.parseDouble(raw.get());
            if (!(rate >= 0 && rate <= MAX_SEND_RATE)) {
                throw new NumberFormatException();
            }
            return rate;
        } catch (NumberFormatException e) {
            problems.add("KAM_SEND_RATE: messages a second, a number from 0 (unpaced) to " + (int) MAX_SEND_RATE
                    + ", not " + raw.get());
            return DEFAULT_SEND_RATE;
        }
    }

    /** KAM_BACKUP_TIME: HH:MM (24 h, the server's zone), or "off"; default 03:00. */
    private static Optional<java.time.LocalTime> backupTime(Map<String, String> env, List<String> problems) {
        Optional<String> raw = value(env, "KAM_BACKUP_TIME");
        if (raw.isEmpty()) {
            return Optional.of(DEFAULT_BACKUP_TIME);
        }
        if (raw.get().equalsIgnoreCase("off")) {
            return Optional.empty();
        }
        if (raw.get().matches("\\d{1,2}:\\d{2}")) {
            String[] hm = raw.get().split(":");
            int h = Integer.parseInt(hm[0]);
            int m = Integer.parseInt(hm[1]);
            if (h < 24 && m < 60) {
                return Optional.of(java.time.LocalTime.of(h, m));
            }
        }
        problems.add("KAM_BACKUP_TIME: a time of day as HH:MM (e.g. 03:00) or off, not " + raw.get());
        return Optional.of(DEFAULT_BACKUP_TIME);
    }

    private static Optional<String> value(Map<String, String> env, String name) {
        return Optional.ofNullable(env.get(name)).map(String::strip).filter(s -> !s.isEmpty());
    }

    private static Optional<URI> url(Map<String, String> env, String name, List<String> problems) {
        Optional<String> raw = value(env, name);
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        try {
            URI uri = URI.create(raw.get());
            if (uri.getScheme() == null || !uri.getScheme().matches("https?") || uri.getHost() == null) {
                throw new IllegalArgumentException();
            }
            return Optional.of(uri);
        } catch (IllegalArgumentException e) {
            problems.add(name + ": not an http(s) URL: " + raw.get());
            return Optional.empty();
        }
    }

    private static Set<Long> ids(Map<String, String> env, String name, List<String> problems) {
        Set<Long> ids = new LinkedHashSet<>();
        for (String part : value(env, name).orElse("").split("[,;\\s]+")) {
            if (part.isEmpty()) {
                continue;
            }
            try {
                ids.add(Long.parseLong(part));
            } catch (NumberFormatException e) {
                problems.add(name + ": '" + part + "' is not a numeric Telegram user id");
            }
        }
        return Set.copyOf(ids);
    }

    private static boolean bool(Map<String, String> env, String name, List<String> problems) {
        String raw = value(env, name).orElse("false").toLowerCase();
        if (!Set.of("true", "false", "1", "0", "yes", "no").contains(raw)) {
            problems.add(name + ": must be true or false, not " + raw);
        }
        return Set.of("true", "1", "yes").contains(raw);
    }
}
