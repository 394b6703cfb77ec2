package coach.kam.conversation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * What the capabilities register while a conversation is built ({@link Conversation.Builder}):
 * commands, buttons, dialogs, text routes, the defaults for plain text, questions, locations and
 * files, and the work done before a turn. A name or prefix registered twice is a fault in the bot.
 */
final class Handlers {
    final Map<String, Command> commands = new LinkedHashMap<>();
    final ButtonPresses buttons = new ButtonPresses();
    final Map<String, DialogHandler> dialogs = new HashMap<>();
    final Map<Predicate<String>, TextAction> textRoutes = new LinkedHashMap<>();
    final List<Consumer<String>> preparers = new ArrayList<>();
    TextAction plainText = (turn, text, arg) -> turn.say(turn.t("help.short"));
    TextAction questions = (turn, text, arg) -> turn.say(turn.t("help.short"));
    LocationAction location = (turn, loc) -> turn.say(turn.t("unsupported.message"));
    DocumentAction document = (turn, file) -> turn.say(turn.t("unsupported.message"));

    void command(String name, Command command) {
        if (commands.putIfAbsent(name, command) != null) {
            throw new IllegalStateException("command registered twice: " + name);
        }
    }

    void dialog(String kind, DialogHandler handler) {
        if (dialogs.putIfAbsent(kind, handler) != null) {
            throw new IllegalStateException("dialog registered twice: " + kind);
        }
    }
}
