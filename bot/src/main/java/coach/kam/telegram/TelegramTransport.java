package coach.kam.telegram;

import coach.kam.conversation.Reply;
import coach.kam.delivery.Transport;
import java.util.ArrayList;
import java.util.List;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/** One sendMessage per call; Telegram's answer becomes an outcome the send queue acts on. */
final class TelegramTransport implements Transport {
    private final TelegramClient client;

    TelegramTransport(TelegramClient client) {
        this.client = client;
    }

    @Override
    public Outcome send(long chatId, Reply message) {
        SendMessage.SendMessageBuilder<?, ?> msg = SendMessage.builder().chatId(chatId).text(message.html())
                .parseMode("HTML").disableWebPagePreview(true);
        if (!message.buttons().isEmpty()) {
            msg.replyMarkup(ReplySender.keyboard(message.buttons()));
        }
        try {
            client.execute(msg.build());
            return Outcome.ACCEPTED;
        } catch (TelegramApiRequestException e) {
            return outcomeOf(e);
        } catch (TelegramApiException e) {
            return Outcome.transientFailure(e.toString());
        }
    }

    static Outcome outcomeOf(TelegramApiRequestException e) {
        Integer code = e.getErrorCode();
        if (code == null || code >= 500) {
            return Outcome.transientFailure(code + " " + e.getApiResponse());
        }
        if (code == 429) {
            Integer wait = e.getParameters() == null ? null : e.getParameters().getRetryAfter();
            return Outcome.retryAfter(wait == null ? 1 : wait);
        }
        if (code == 403) {
            return Outcome.blocked(e.getApiResponse());
        }
        return Outcome.rejected(code + " " + e.getApiResponse());
    }

    /** Under Telegram's 4096-character limit; the buttons go with the last part. */
    @Override
    public List<Reply> split(Reply reply) {
        List<String> parts = MessageSplitter.split(reply.html());
        if (parts.size() == 1) {
            return List.of(new Reply(parts.get(0), reply.buttons()));
        }
        List<Reply> out = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            out.add(i == parts.size() - 1 ? new Reply(parts.get(i), reply.buttons()) : Reply.of(parts.get(i)));
        }
        return out;
    }
}
