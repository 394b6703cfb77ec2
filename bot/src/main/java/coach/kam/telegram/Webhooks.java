package coach.kam.telegram;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.updates.SetWebhook;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/** Tells Telegram where to post updates. (Long polling's start calls deleteWebhook itself.) */
final class Webhooks {
    private static final Logger LOG = LoggerFactory.getLogger(Webhooks.class);
    /** Posts Telegram makes at once; the intake stores each before answering. */
    static final int MAX_CONNECTIONS = 40;
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    private Webhooks() {
    }

    /**
     * Calls setWebhook with the secret token, retrying while Telegram is busy or unreachable (HTTP
     * 429 after its retry_after, a server error or no answer after a back-off from 0.5 s doubling to
     * 30 s); a refusal (a 4xx, e.g. an address Telegram does not accept) fails the start with
     * Telegram's reason.
     */
    static void set(TelegramClient client, ReplySender.Pause pause, URI url, String secret, List<String> updateTypes)
            throws TelegramApiException {
        SetWebhook call = SetWebhook.builder().url(url.toString()).secretToken(secret)
                .allowedUpdates(updateTypes).maxConnections(MAX_CONNECTIONS).build();
        Duration backoff = Duration.ofMillis(500);
        for (int attempt = 1; ; attempt++) {
            Duration wait = backoff;
            try {
                client.execute(call);
                LOG.info("Telegram posts updates to {}", url);
                return;
            } catch (TelegramApiRequestException e) {
                Integer code = e.getErrorCode();
                if (code != null && code == 429) {
                    Integer after = e.getParameters() == null ? null : e.getParameters().getRetryAfter();
                    wait = Duration.ofSeconds(after == null ? 1 : after);
                } else if (code != null && code >= 400 && code < 500) {
                    throw new TelegramApiException("setWebhook refused for " + url + ": " + e.getApiResponse(), e);
                }
                LOG.warn("setWebhook answered {} (attempt {}), retrying in {} ms", code, attempt, wait.toMillis());
            } catch (TelegramApiException e) {
                LOG.warn("setWebhook failed (attempt {}), retrying in {} ms: {}", attempt, wait.toMillis(), e.toString());
            }
            try {
                pause.pause(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TelegramApiException("interrupted while setting the webhook");
            }
            backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
        }
    }
}
