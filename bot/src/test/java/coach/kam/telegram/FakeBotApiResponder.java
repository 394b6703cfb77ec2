package coach.kam.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The "result" of each successful (already validated) call other than getUpdates: a Message for
 * the send and edit methods, the bot for getMe, the stored commands for getMyCommands, True for the
 * rest. Remembers the messages it answered so that edits and callback queries can refer to them.
 * Thread-safe.
 */
final class FakeBotApiResponder {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final long botId;
    private final AtomicLong messageIds;
    private final Map<Long, ObjectNode> sentMessages = new HashMap<>();
    private JsonNode commands = JSON.arrayNode();

    /** @param messageIds shared with incoming messages, so ids increase as in a real chat */
    FakeBotApiResponder(long botId, AtomicLong messageIds) {
        this.botId = botId;
        this.messageIds = messageIds;
    }

    JsonNode result(FakeBotApiSpec.Method method, ObjectNode params) {
        switch (method.name().toLowerCase(Locale.ROOT)) {
            case "getme":
                return FakeBotApiObjects.botUser(botId);
            case "sendmessage":
                return remember(sentMessage(params));
            case "senddocument": {
                ObjectNode message = sentMessage(params);
                message.set("document",
                        FakeBotApiObjects.document(params.get("document"), message.path("message_id").asLong()));
                return remember(message);
            }
            case "editmessagetext", "editmessagereplymarkup", "editmessagecaption":
                return params.hasNonNull("inline_message_id") ? BooleanNode.TRUE : remember(editedMessage(method, params));
            case "setmycommands":
                return storeCommands(params.get("commands").deepCopy());
            case "deletemycommands":
                return storeCommands(JSON.arrayNode());
            case "getmycommands":
                synchronized (this) {
                    return commands.deepCopy();
                }
            default:
                return resultOfType(method.returns().isEmpty() ? "Boolean" : method.returns().get(0), params);
        }
    }

    /** The message the fake answered with this id, or null. */
    /** The newest message to {@code chatId} that shows a button with this callback data, if any. */
    synchronized java.util.OptionalLong messageWithButton(long chatId, String data) {
        long best = -1;
        for (Map.Entry<Long, ObjectNode> e : sentMessages.entrySet()) {
            ObjectNode m = e.getValue();
            if (m.path("chat").path("id").asLong() != chatId || e.getKey() <= best) {
                continue;
            }
            for (com.fasterxml.jackson.databind.JsonNode row : m.path("reply_markup").path("inline_keyboard")) {
                for (com.fasterxml.jackson.databind.JsonNode b : row) {
                    if (data.equals(b.path("callback_data").asText())) {
                        best = e.getKey();
                    }
                }
            }
        }
        return best < 0 ? java.util.OptionalLong.empty() : java.util.OptionalLong.of(best);
    }

    synchronized ObjectNode sentMessage(long messageId) {
        ObjectNode message = sentMessages.get(messageId);
        return message == null ? null : message.deepCopy();
    }

    private synchronized JsonNode storeCommands(JsonNode newCommands) {
        commands = newCommands;
        return BooleanNode.TRUE;
    }

    /** A plausible answer by the spec's return type; True when nothing better fits. */
    private JsonNode resultOfType(String type, ObjectNode params) {
        return switch (type) {
            case "Message" -> remember(sentMessage(params));
            case "Array of Message" -> JSON.arrayNode().add(remember(sentMessage(params)));
            case "User" -> FakeBotApiObjects.botUser(botId);
            case "MessageId" -> JSON.objectNode().put("message_id", messageIds.incrementAndGet());
            default -> BooleanNode.TRUE;
        };
    }

    private ObjectNode sentMessage(ObjectNode params) {
        ObjectNode message = FakeBotApiObjects.message(messageIds.incrementAndGet(), FakeBotApiObjects.botUser(botId),
                FakeBotApiObjects.chat(params.get("chat_id")));
        applyContent(message, params);
        return message;
    }

    private ObjectNode editedMessage(FakeBotApiSpec.Method method, ObjectNode params) {
        long messageId = params.path("message_id").asLong();
        ObjectNode message = sentMessage(messageId);
        if (message == null) {
            message = FakeBotApiObjects.message(messageId, FakeBotApiObjects.botUser(botId),
                    FakeBotApiObjects.chat(params.get("chat_id")));
        }
        message.put("edit_date", FakeBotApiObjects.now());
        if (method.name().equals("editMessageReplyMarkup") && !params.hasNonNull("reply_markup")) {
            message.remove("reply_markup");
        }
        applyContent(message, params);
        return message;
    }

    /** Copies text and caption (as visible text, as Telegram answers) and an inline keyboard. */
    private static void applyContent(ObjectNode message, ObjectNode params) {
        boolean html = "HTML".equalsIgnoreCase(params.path("parse_mode").asText());
        for (String field : List.of("text", "caption")) {
            if (params.hasNonNull(field)) {
                String value = params.get(field).asText();
                message.put(field, html ? TelegramHtmlChecker.visibleText(value) : value);
            }
        }
        if (params.path("reply_markup").has("inline_keyboard")) {
            message.set("reply_markup", params.get("reply_markup").deepCopy());
        }
    }

    private synchronized ObjectNode remember(ObjectNode message) {
        sentMessages.put(message.path("message_id").asLong(), message.deepCopy());
        return message;
    }
}
