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
 * The buttons a conversation knows, by prefix: typed kinds (decoded to their record before the
 * handler runs) and the kinds still registered with a {@link ButtonAction}. Any data that is not
 * well-formed data of its kind gets the kind's stale answer ("button.unknown" unless it names another), and
 * data of no known prefix "button.unknown".
 */
final class ButtonPresses {
    private final Map<String, Registered<?>> typed = new HashMap<>();
    private final Map<String, ButtonAction> legacy = new HashMap<>();

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
        free(kind.prefix());
        typed.put(kind.prefix(), new Registered<>(kind, press));
    }

    void add(String prefix, ButtonAction action) {
        free(prefix);
        legacy.put(prefix, action);
    }

    private void free(String prefix) {
        if (typed.containsKey(prefix) || legacy.containsKey(prefix)) {
            throw new IllegalStateException("button prefix registered twice: " + prefix);
        }
    }

    ButtonPresses copy() {
        ButtonPresses c = new ButtonPresses();
        c.typed.putAll(typed);
        c.legacy.putAll(legacy);
        return c;
    }

    Set<String> prefixes() {
        Set<String> all = new java.util.TreeSet<>(typed.keySet());
        all.addAll(legacy.keySet());
        return all;
    }

    void press(Turn turn, String data) {
        int colon = data.indexOf(':');
        String prefix = colon < 0 ? data : data.substring(0, colon);
        Registered<?> kind = typed.get(prefix);
        if (kind != null) {
            if (!kind.run(turn, data)) {
                turn.say(turn.t(kind.kind().staleAnswer()));
            }
            return;
        }
        ButtonAction action = legacy.get(prefix);
        if (action == null) {
            turn.say(turn.t("button.unknown"));
            return;
        }
        String[] parts = data.split(":", -1);
        String[] args = new String[parts.length - 1];
        System.arraycopy(parts, 1, args, 0, args.length);
        action.press(turn, args);
    }
}
