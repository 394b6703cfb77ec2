package coach.kam.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;

/** JSON shapes of the Bot API objects the fake answers with or puts into updates (User, Chat, Message). */
final class FakeBotApiObjects {

    static final String BOT_USERNAME = "kam_test_bot";
    static final String BOT_FIRST_NAME = "KAM Test Bot";
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private FakeBotApiObjects() {
    }

    static long now() {
        return Instant.now().getEpochSecond();
    }

    /** The bot itself, as getMe answers it. */
    static ObjectNode botUser(long botId) {
        ObjectNode bot = JSON.objectNode();
        bot.put("id", botId);
        bot.put("is_bot", true);
        bot.put("first_name", BOT_FIRST_NAME);
        bot.put("username", BOT_USERNAME);
        bot.put("can_join_groups", true);
        bot.put("can_read_all_group_messages", false);
        bot.put("supports_inline_queries", true);
        bot.put("can_connect_to_business", false);
        bot.put("has_main_web_app", false);
        return bot;
    }

    /** A human user with the given id; {@code languageCode} may be null. */
    static ObjectNode user(long userId, String languageCode) {
        ObjectNode user = JSON.objectNode();
        user.put("id", userId);
        user.put("is_bot", false);
        user.put("first_name", "User" + userId);
        user.put("username", "user" + userId);
        if (languageCode != null) {
            user.put("language_code", languageCode);
        }
        return user;
    }

    /** The private chat between the bot and a user: chat id = user id. */
    static ObjectNode privateChat(long userId) {
        ObjectNode chat = JSON.objectNode();
        chat.put("id", userId);
        chat.put("type", "private");
        chat.put("first_name", "User" + userId);
        chat.put("username", "user" + userId);
        return chat;
    }

    /** The chat named by a chat_id parameter: a number (user, group, supergroup) or "@channel". */
    static ObjectNode chat(JsonNode chatId) {
        String raw = chatId == null || chatId.isNull() ? "0" : chatId.asText();
        if (raw.startsWith("@")) {
            ObjectNode channel = JSON.objectNode();
            channel.put("id", -1_000_000_000_000L - (raw.hashCode() & 0x7fffffff));
            channel.put("type", "channel");
            channel.put("title", raw.substring(1));
            channel.put("username", raw.substring(1));
            return channel;
        }
        long id;
        try {
            id = Long.parseLong(raw);
        } catch (NumberFormatException e) {
            id = 0;
        }
        if (id >= 0) {
            return privateChat(id);
        }
        ObjectNode group = JSON.objectNode();
        group.put("id", id);
        group.put("type", id <= -1_000_000_000_000L ? "supergroup" : "group");
        group.put("title", "Chat " + id);
        return group;
    }

    static ObjectNode message(long messageId, ObjectNode from, ObjectNode chat) {
        ObjectNode message = JSON.objectNode();
        message.put("message_id", messageId);
        message.set("from", from);
        message.set("chat", chat);
        message.put("date", now());
        return message;
    }

    /** A text message; a leading "/command" gets a bot_command entity, as Telegram adds it. */
    static ObjectNode textMessage(long messageId, ObjectNode from, ObjectNode chat, String text) {
        ObjectNode message = message(messageId, from, chat);
        message.put("text", text);
        if (text.startsWith("/") && text.length() > 1) {
            int end = 1;
            while (end < text.length() && !Character.isWhitespace(text.charAt(end))) {
                end++;
            }
            ObjectNode entity = message.putArray("entities").addObject();
            entity.put("type", "bot_command");
            entity.put("offset", 0);
            entity.put("length", end);
        }
        return message;
    }

    static ObjectNode location(double latitude, double longitude) {
        ObjectNode location = JSON.objectNode();
        location.put("latitude", latitude);
        location.put("longitude", longitude);
        return location;
    }

    /** The document of a sendDocument answer, from the uploaded file part or a file_id/URL string. */
    static ObjectNode document(JsonNode documentParam, long messageId) {
        ObjectNode document = JSON.objectNode();
        if (documentParam != null && documentParam.isObject()) {
            document.put("file_id", "fake-file-" + messageId);
            document.put("file_unique_id", "fake-unique-" + messageId);
            document.put("file_name", documentParam.path("file_name").asText());
            if (documentParam.hasNonNull("content_type")) {
                document.put("mime_type", documentParam.path("content_type").asText());
            }
            document.put("file_size", documentParam.path("size").asLong());
        } else {
            String fileId = documentParam == null ? "" : documentParam.asText();
            document.put("file_id", fileId);
            document.put("file_unique_id", "fake-unique-" + Integer.toHexString(fileId.hashCode()));
        }
        return document;
    }
}
