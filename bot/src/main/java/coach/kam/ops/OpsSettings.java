package coach.kam.ops;

import coach.kam.config.Config;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The operator's settings, from the environment: {@code KAM_HTTP_PORT} (off when unset),
 * {@code KAM_HTTP_HOST} (default every interface), {@code KAM_WEBHOOK_URL} and
 * {@code KAM_WEBHOOK_SECRET} (webhook mode; both or neither, and then the port too).
 */
public record OpsSettings(Optional<Integer> port, String host, Optional<URI> webhookUrl, Optional<String> webhookSecret) {
    /** The characters Telegram allows in a secret token, 1-256 of them. */
    private static final String SECRET_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-";

    public static OpsSettings fromEnvironment(Map<String, String> env) {
        List<String> problems = new ArrayList<>();
        Optional<Integer> port = Optional.empty();
        String rawPort = value(env, "KAM_HTTP_PORT");
        if (rawPort != null) {
            try {
                int p = Integer.parseInt(rawPort);
                if (p < 0 || p > 65535) {
                    throw new NumberFormatException();
                }
                port = Optional.of(p);
            } catch (NumberFormatException e) {
                problems.add("KAM_HTTP_PORT: '" + rawPort + "' is not a port number (0-65535)");
            }
        }
        String host = Optional.ofNullable(value(env, "KAM_HTTP_HOST")).orElse("0.0.0.0");
        Optional<URI> url = Optional.empty();
        String rawUrl = value(env, "KAM_WEBHOOK_URL");
        if (rawUrl != null) {
            try {
                URI u = URI.create(rawUrl);
                if (u.getScheme() == null || u.getHost() == null
                        || !(u.getScheme().equals("https") || u.getScheme().equals("http"))) {
                    throw new IllegalArgumentException();
                }
                url = Optional.of(u);
            } catch (IllegalArgumentException e) {
                problems.add("KAM_WEBHOOK_URL: '" + rawUrl + "' is not an https:// address");
            }
        }
        Optional<String> secret = Optional.ofNullable(value(env, "KAM_WEBHOOK_SECRET"));
        if (secret.isPresent() && !validSecret(secret.get())) {
            problems.add("KAM_WEBHOOK_SECRET: use 1 to 256 characters of A-Z, a-z, 0-9, _ and - (as Telegram requires)");
        }
        if (rawUrl != null && secret.isEmpty()) {
            problems.add("KAM_WEBHOOK_SECRET: must be set with KAM_WEBHOOK_URL, so that only Telegram can post updates");
        }
        if (rawUrl != null && rawPort == null) {
            problems.add("KAM_HTTP_PORT: must be set with KAM_WEBHOOK_URL: the webhook is served on it");
        }
        if (!problems.isEmpty()) {
            throw new Config.Invalid(problems);
        }
        return new OpsSettings(port, host, url, secret);
    }

    /** Webhook mode: Telegram posts updates to {@link #webhookUrl()}. */
    public boolean webhook() {
        return webhookUrl.isPresent();
    }

    static boolean validSecret(String s) {
        if (s.isEmpty() || s.length() > 256) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (SECRET_CHARS.indexOf(s.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }

    private static String value(Map<String, String> env, String name) {
        String v = env.get(name);
        return v == null || v.isBlank() ? null : v.strip();
    }
}
