package coach.kam.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Checks one Bot API call against the spec and the documented limits. Lengths of text are counted
 * in UTF-16 code units after entity parsing, as Telegram does: for parse_mode HTML the tags are
 * removed and entities decoded first; for Markdown/MarkdownV2 the raw text is counted (an
 * overestimate by the markup characters).
 */
final class FakeBotApiValidator {

    static final int MAX_TEXT = 4096;
    static final int MAX_CAPTION = 1024;
    static final int MAX_CALLBACK_DATA_BYTES = 64;
    static final int MAX_INLINE_RESULTS = 50;
    static final int MAX_RESULT_ID_BYTES = 64;
    static final int MAX_COMMANDS = 100;
    static final int MAX_COMMAND_DESCRIPTION = 256;

    private static final Set<String> PARSE_MODES = Set.of("HTML", "MarkdownV2", "Markdown");
    /** InlineKeyboardButton fields that do not choose the button's action (spec: "other than ..."). */
    private static final Set<String> BUTTON_NON_ACTION_FIELDS = Set.of("text", "icon_custom_emoji_id", "style");
    private static final Pattern COMMAND = Pattern.compile("[a-z0-9_]{1,32}");

    /** A broken rule; the message follows "Bad Request: " in the answer. */
    private static final class Violation extends RuntimeException {
        Violation(String message) {
            super(message, null, false, false);
        }
    }

    private final Set<String> buttonActionFields;

    FakeBotApiValidator(FakeBotApiSpec spec) {
        Set<String> actions = new TreeSet<>(spec.typeFields("InlineKeyboardButton").keySet());
        actions.removeAll(BUTTON_NON_ACTION_FIELDS);
        if (actions.isEmpty()) {
            throw new IllegalStateException("spec has no InlineKeyboardButton fields");
        }
        this.buttonActionFields = Set.copyOf(actions);
    }

    /** @return null when the call is valid, else the description "Bad Request: ..." */
    String check(FakeBotApiSpec.Method method, ObjectNode params) {
        try {
            validate(method, params);
            return null;
        } catch (Violation v) {
            return "Bad Request: " + v.getMessage();
        }
    }

    private void validate(FakeBotApiSpec.Method method, ObjectNode params) {
        for (FakeBotApiSpec.Field field : method.fields().values()) {
            if (field.required() && isMissing(params.get(field.name()))) {
                throw new Violation(field.name().equals("text") ? "message text is empty"
                        : "parameter \"" + field.name() + "\" is required by " + method.name());
            }
        }
        String parseMode = parseMode(params.get("parse_mode"));
        switch (method.name().toLowerCase(Locale.ROOT)) {
            case "sendmessage", "editmessagetext" -> checkText(params, parseMode);
            case "answerinlinequery" -> checkInlineResults(params.get("results"));
            case "setmycommands" -> checkCommands(params.get("commands"));
            default -> {
                // only the generic checks below
            }
        }
        if (method.field("caption").isPresent()) {
            checkCaption(params.get("caption"), parseMode);
        }
        checkReplyMarkup(params.get("reply_markup"));
    }

    private static boolean isMissing(JsonNode node) {
        return node == null || node.isNull() || (node.isTextual() && node.asText().isEmpty());
    }

    private static String parseMode(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        for (String mode : PARSE_MODES) {
            if (node.isTextual() && mode.equalsIgnoreCase(node.asText())) {
                return mode; // Telegram ignores case; telegrambots sends "html"
            }
        }
        throw new Violation("unsupported parse_mode " + node + " (must be HTML, MarkdownV2 or Markdown)");
    }

    private static void checkText(ObjectNode params, String parseMode) {
        JsonNode text = params.get("text");
        if (isMissing(text) && params.hasNonNull("rich_message")) {
            return;
        }
        checkMessageText(text, parseMode);
    }

    private static void checkMessageText(JsonNode text, String parseMode) {
        if (isMissing(text)) {
            throw new Violation("message text is empty");
        }
        String visible = visibleText(text.asText(), parseMode);
        if (visible.isBlank()) {
            throw new Violation("message text is empty");
        }
        if (visible.length() > MAX_TEXT) {
            throw new Violation("message is too long (" + visible.length() + " UTF-16 units, at most " + MAX_TEXT + ")");
        }
    }

    private static void checkCaption(JsonNode caption, String parseMode) {
        if (caption == null || caption.isNull()) {
            return;
        }
        String visible = visibleText(caption.asText(), parseMode);
        if (visible.length() > MAX_CAPTION) {
            throw new Violation("message caption is too long (" + visible.length() + " UTF-16 units, at most "
                    + MAX_CAPTION + ")");
        }
    }

    private static String visibleText(String text, String parseMode) {
        if (!"HTML".equals(parseMode)) {
            return text;
        }
        try {
            return TelegramHtmlChecker.visibleText(text);
        } catch (TelegramHtmlChecker.HtmlException e) {
            throw new Violation("can't parse entities: " + e.getMessage());
        }
    }

    private void checkReplyMarkup(JsonNode markup) {
        if (markup == null || !markup.isObject() || !markup.has("inline_keyboard")) {
            return;
        }
        JsonNode rows = markup.get("inline_keyboard");
        if (!rows.isArray()) {
            throw new Violation("can't parse inline keyboard: field \"inline_keyboard\" must be an Array");
        }
        for (JsonNode row : rows) {
            if (!row.isArray()) {
                throw new Violation("can't parse inline keyboard: each row must be an Array");
            }
            for (JsonNode button : row) {
                checkButton(button);
            }
        }
    }

    private void checkButton(JsonNode button) {
        if (!button.isObject()) {
            throw new Violation("can't parse inline keyboard button: InlineKeyboardButton must be an Object");
        }
        if (!button.path("text").isTextual() || button.path("text").asText().isEmpty()) {
            throw new Violation("can't parse inline keyboard button: Text must be non-empty");
        }
        List<String> actions = new ArrayList<>();
        for (String field : buttonActionFields) {
            if (button.hasNonNull(field)) {
                actions.add(field);
            }
        }
        if (actions.isEmpty()) {
            throw new Violation("can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard");
        }
        if (actions.size() > 1) {
            throw new Violation("can't parse inline keyboard button: exactly one action field must be used, got "
                    + actions);
        }
        JsonNode data = button.get("callback_data");
        if (data != null && !data.isNull()) {
            int bytes = data.asText().getBytes(StandardCharsets.UTF_8).length;
            if (bytes < 1 || bytes > MAX_CALLBACK_DATA_BYTES) {
                throw new Violation("BUTTON_DATA_INVALID (callback_data is " + bytes + " bytes, must be 1-"
                        + MAX_CALLBACK_DATA_BYTES + ")");
            }
        }
    }

    private void checkInlineResults(JsonNode results) {
        if (!results.isArray()) {
            throw new Violation("can't parse results JSON object: must be an Array");
        }
        if (results.size() > MAX_INLINE_RESULTS) {
            throw new Violation("RESULTS_TOO_MUCH (" + results.size() + " results, at most " + MAX_INLINE_RESULTS + ")");
        }
        Set<String> ids = new HashSet<>();
        for (JsonNode result : results) {
            String id = result.path("id").asText("");
            int bytes = id.getBytes(StandardCharsets.UTF_8).length;
            if (!result.path("id").isTextual() || bytes < 1 || bytes > MAX_RESULT_ID_BYTES) {
                throw new Violation("RESULT_ID_INVALID (id \"" + id + "\" is " + bytes + " bytes, must be 1-"
                        + MAX_RESULT_ID_BYTES + ")");
            }
            if (!ids.add(id)) {
                throw new Violation("RESULT_ID_DUPLICATE (" + id + ")");
            }
            checkReplyMarkup(result.get("reply_markup"));
            checkCaption(result.get("caption"), parseMode(result.get("parse_mode")));
            JsonNode content = result.get("input_message_content");
            if (content != null && content.has("message_text")) {
                checkMessageText(content.get("message_text"), parseMode(content.get("parse_mode")));
            }
        }
    }

    private static void checkCommands(JsonNode commands) {
        if (!commands.isArray()) {
            throw new Violation("can't parse commands JSON object: must be an Array");
        }
        if (commands.size() > MAX_COMMANDS) {
            throw new Violation("BOT_COMMANDS_TOO_MUCH (" + commands.size() + ", at most " + MAX_COMMANDS + ")");
        }
        for (JsonNode command : commands) {
            String name = command.path("command").asText("");
            if (!COMMAND.matcher(name).matches()) {
                throw new Violation("BOT_COMMAND_INVALID (\"" + name + "\": 1-32 characters of a-z, 0-9 and _)");
            }
            int length = command.path("description").asText("").length();
            if (length < 1 || length > MAX_COMMAND_DESCRIPTION) {
                throw new Violation("BOT_COMMAND_DESCRIPTION_INVALID (description of /" + name + " is " + length
                        + " characters, must be 1-" + MAX_COMMAND_DESCRIPTION + ")");
            }
        }
    }
}
