package coach.kam.telegram;

import coach.kam.conversation.Button;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * Calls that are not chat messages (answers to button presses and inline queries, the command
 * menu) with their retry policy: HTTP 429 waits the time Telegram asks for, a server or network
 * error backs off a few times, a 4xx is not retried (it would fail again). Chat messages go
 * through the send queue instead.
 */
final class ReplySender {
    private static final Logger LOG = LoggerFactory.getLogger(ReplySender.class);
    private static final int ATTEMPTS = 4;

    /** Waiting is injected so tests move time instead of sleeping. */
    @FunctionalInterface
    interface Pause {
        void pause(Duration d) throws InterruptedException;
    }

    private final TelegramClient client;
    private final Pause pause;

    ReplySender(TelegramClient client, Pause pause) {
        this.client = client;
        this.pause = pause;
    }

    /** Executes with the retry policy; returns null when it finally failed (logged). */
    <T extends java.io.Serializable> T execute(BotApiMethod<T> method) {
        Duration backoff = Duration.ofMillis(500);
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                return client.execute(method);
            } catch (TelegramApiRequestException e) {
                Integer code = e.getErrorCode();
                if (code != null && code == 429) {
                    int wait = e.getParameters() != null && e.getParameters().getRetryAfter() != null
                            ? e.getParameters().getRetryAfter() : 1;
                    LOG.warn("{} answered 429 (attempt {}), retrying in {} s as Telegram asks", method.getMethod(),
                            attempt, wait);
                    if (!waitFor(Duration.ofSeconds(wait))) {
                        return null;
                    }
                } else if (code != null && code >= 400 && code < 500) {
                    LOG.warn("{} refused: {}", method.getMethod(), e.getApiResponse());
                    return null;
                } else {
                    LOG.warn("{} answered {} (attempt {}), retrying in {} ms", method.getMethod(), code, attempt,
                            backoff.toMillis());
                    if (!waitFor(backoff)) {
                        return null;
                    }
                }
            } catch (TelegramApiException e) {
                LOG.warn("{} failed (attempt {}): {}", method.getMethod(), attempt, e.toString());
                if (!waitFor(backoff)) {
                    return null;
                }
            }
            backoff = backoff.multipliedBy(2);
        }
        LOG.warn("{} gave up after {} attempts", method.getMethod(), ATTEMPTS);
        return null;
    }

    /**
     * Edits a message in place; true when it now shows what was asked ("message is not modified"
     * counts), false when Telegram refused the edit (the message is gone or too old) or kept failing.
     */
    boolean edit(org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText edit) {
        Duration backoff = Duration.ofMillis(500);
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                client.execute(edit);
                return true;
            } catch (TelegramApiRequestException e) {
                String said = String.valueOf(e.getApiResponse());
                Integer code = e.getErrorCode();
                if (said.contains("message is not modified")) {
                    return true;
                }
                if (code != null && code == 429) {
                    int wait = e.getParameters() != null && e.getParameters().getRetryAfter() != null
                            ? e.getParameters().getRetryAfter() : 1;
                    if (!waitFor(Duration.ofSeconds(wait))) {
                        return false;
                    }
                } else if (code != null && code >= 400 && code < 500) {
                    LOG.warn("editMessageText refused: {}", said);
                    return false;
                } else if (!waitFor(backoff)) {
                    return false;
                }
            } catch (TelegramApiException e) {
                LOG.warn("editMessageText failed (attempt {}): {}", attempt, e.toString());
                if (!waitFor(backoff)) {
                    return false;
                }
            }
            backoff = backoff.multipliedBy(2);
        }
        return false;
    }

    private boolean waitFor(Duration d) {
        try {
            pause.pause(d);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static InlineKeyboardMarkup keyboard(List<List<Button>> rows) {
        List<InlineKeyboardRow> keyboard = new ArrayList<>();
        for (List<Button> row : rows) {
            InlineKeyboardRow r = new InlineKeyboardRow();
            for (Button b : row) {
                r.add(InlineKeyboardButton.builder().text(b.label()).callbackData(b.data()).build());
            }
            keyboard.add(r);
        }
        return InlineKeyboardMarkup.builder().keyboard(keyboard).build();
    }
}
