package coach.kam.telegram;

import coach.kam.conversation.Reply;
import coach.kam.delivery.Transport;
import java.util.ArrayList;
import java.util.List;
import org.telegram.telegrambots.meta.api.methods.send.SendDocument;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.send.SendPhoto;
import org.telegram.telegrambots.meta.api.objects.InputFile;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/** One sendMessage per call; Telegram's answer becomes an outcome the send queue acts on. */
final class TelegramTransport implements Transport {
    private final TelegramClient client;

    TelegramTransport(TelegramClient client) {
        this.client = client;
    }

    /** Telegram's limit on a caption, in characters after entity parsing. */
    static final int MAX_CAPTION = 1024;

    @Override
    public Outcome send(long chatId, Reply message) {
        if (message.hasDocument() && message.document().photo()) {
            return sendPhoto(chatId, message);
        }
        if (message.hasDocument()) {
            return sendDocument(chatId, message);
        }
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

    /** A file upload (multipart, through the same client); the reply's text is its caption. */
    private Outcome sendDocument(long chatId, Reply message) {
        Reply.Document d = message.document();
        // a file on disk (an export) is streamed from it by the client, never read into memory
        InputFile input = d.bytes() == null && d.file() != null ? new InputFile(new java.io.File(d.file()), d.fileName())
                : new InputFile(new java.io.ByteArrayInputStream(d.bytes() == null ? new byte[0] : d.bytes()), d.fileName());
        SendDocument.SendDocumentBuilder<?, ?> doc = SendDocument.builder().chatId(chatId).document(input);
        if (!message.html().isBlank()) {
            doc.caption(caption(message)).parseMode("HTML");
        }
        if (!message.buttons().isEmpty()) {
            doc.replyMarkup(ReplySender.keyboard(message.buttons()));
        }
        try {
            client.execute(doc.build());
            return Outcome.ACCEPTED;
        } catch (TelegramApiRequestException e) {
            return outcomeOf(e);
        } catch (TelegramApiException e) {
            return Outcome.transientFailure(e.toString());
        }
    }

    /** A picture (a chart) shown in the chat; the reply's text is its caption. */
    private Outcome sendPhoto(long chatId, Reply message) {
        Reply.Document d = message.document();
        byte[] bytes = d.bytes() == null ? new byte[0] : d.bytes();
        SendPhoto.SendPhotoBuilder<?, ?> photo = SendPhoto.builder().chatId(chatId)
                .photo(new InputFile(new java.io.ByteArrayInputStream(bytes), d.fileName()));
        if (!message.html().isBlank()) {
            photo.caption(caption(message)).parseMode("HTML");
        }
        if (!message.buttons().isEmpty()) {
            photo.replyMarkup(ReplySender.keyboard(message.buttons()));
        }
        try {
            client.execute(photo.build());
            return Outcome.ACCEPTED;
        } catch (TelegramApiRequestException e) {
            return outcomeOf(e);
        } catch (TelegramApiException e) {
            return Outcome.transientFailure(e.toString());
        }
    }

    private static String caption(Reply message) {
        if (message.plainText().length() > MAX_CAPTION) {
            return coach.kam.text.Html.escape(message.plainText().substring(0, MAX_CAPTION - 1)) + "…";
        }
        return message.html();
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
        if (reply.hasDocument()) {
            return List.of(reply);
        }
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
