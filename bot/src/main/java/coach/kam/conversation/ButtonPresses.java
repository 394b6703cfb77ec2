package coach.kam.conversation;

import coach.kam.conversation.buttons.AccountRef;
import coach.kam.conversation.buttons.Kind;
import coach.kam.conversation.buttons.Owned;
import coach.kam.conversation.buttons.Press;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The buttons a conversation knows, by prefix: each a kind, decoded to its record before the
 * handler runs. Any data that is not well-formed data of its kind gets the kind's stale answer
 * ("button.unknown" unless it names another), and data of no known prefix "button.unknown".
 */
final class ButtonPresses {
    private final Map<String, Registered<?>> typed = new HashMap<>();

    private record Registered<T>(Kind<T> kind, Press<T> press) {
        boolean run(Turn turn, String data) {
            Optional<T> pressed = kind.decode(data);
            pressed.ifPresent(p -> press.press(turn, p));
            return pressed.isPresent();
        }
    }

    <T> void add(Kind<T> kind, Press<T> press) {
        if (AccountRef.class.isAssignableFrom(kind.type()) && !(press instanceof Owned.Checked)) {
            throw new IllegalStateException(kind + " names an account: register it through Owned");
        }
        if (typed.containsKey(kind.prefix())) {
            throw new IllegalStateException("button prefix registered twice: " + kind.prefix());
        }
        typed.put(kind.prefix(), new Registered<>(kind, press));
    }

    ButtonPresses copy() {
        ButtonPresses c = new ButtonPresses();
        c.typed.putAll(typed);
        return c;
    }

    Set<String> prefixes() {
        return new java.util.TreeSet<>(typed.keySet());
    }

    void press(Turn turn, String data) {
        int colon = data.indexOf(':');
        Registered<?> kind = typed.get(colon < 0 ? data : data.substring(0, colon));
        if (kind == null) {
            turn.say(turn.t("button.unknown"));
        } else if (!kind.run(turn, data)) {
            turn.say(turn.t(kind.kind().staleAnswer()));
        }
    }
}
