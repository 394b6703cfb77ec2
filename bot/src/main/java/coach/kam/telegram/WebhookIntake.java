package coach.kam.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Telegram's webhook posts, into the same durable inbox as long polling: a request without the
 * secret token given to setWebhook gets 401 and nothing is stored; an update is answered 200 only
 * once it is committed, so anything not acknowledged (a failed write, a process death) is posted
 * again by Telegram. A repeated post of a stored or handled update is acknowledged and skipped.
 */
final class WebhookIntake implements HttpHandler {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookIntake.class);
    static final String SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";
    /** An update is a few kilobytes; anything far larger is not Telegram's. */
    static final int MAX_BODY = 1 << 20;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final TelegramBot bot;
    private final byte[] secret;
    private final AtomicLong refused = new AtomicLong();

    WebhookIntake(TelegramBot bot, String secret) {
        this.bot = bot;
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    /** Requests refused for a wrong or missing secret token since start. */
    long refused() {
        return refused.get();
    }

    @Override
    public void handle(HttpExchange x) throws IOException {
        if (!"POST".equals(x.getRequestMethod())) {
            answer(x, 405, "POST only");
            return;
        }
        String given = x.getRequestHeaders().getFirst(SECRET_HEADER);
        if (given == null || !MessageDigest.isEqual(secret, given.getBytes(StandardCharsets.UTF_8))) {
            long n = refused.incrementAndGet();
            // the token itself is never logged, neither the right one nor the one given
            LOG.warn("webhook post from {} refused: {} secret token header (refused {} so far)",
                    x.getRemoteAddress().getAddress().getHostAddress(), given == null ? "no" : "a wrong", n);
            answer(x, 401, "Unauthorized");
            return;
        }
        byte[] body = readCapped(x.getRequestBody());
        if (body == null) {
            answer(x, 413, "Too large");
            return;
        }
        JsonNode node;
        try {
            node = JSON.readTree(body);
        } catch (IOException e) {
            node = null;
        }
        if (node == null || !node.isObject() || !node.path("update_id").canConvertToInt()) {
            LOG.warn("webhook post is not an update ({} bytes); refused", body.length);
            answer(x, 400, "Bad Request: not an update");
            return;
        }
        try {
            bot.store(List.of(InboxGetUpdates.parse(node)));
        } catch (RuntimeException e) {
            // not acknowledged: Telegram posts it again
            LOG.error("cannot store webhook update {}; Telegram will post it again: {}", node.path("update_id").asInt(),
                    e.toString());
            answer(x, bot.running() ? 500 : 503, "not stored");
            return;
        }
        answer(x, 200, "");
    }

    private static byte[] readCapped(InputStream in) throws IOException {
        byte[] body = in.readNBytes(MAX_BODY + 1);
        return body.length > MAX_BODY ? null : body;
    }

    private static void answer(HttpExchange x, int status, String text) throws IOException {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        x.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = x.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
