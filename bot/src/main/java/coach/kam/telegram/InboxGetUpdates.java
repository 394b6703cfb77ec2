package coach.kam.telegram;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

/**
 * getUpdates that parses each update on its own: one the library cannot read becomes an update
 * with only its id (so the batch is still confirmed and polling goes on, instead of failing every
 * poll for ever), and each keeps the JSON it arrived as, for the inbox.
 */
final class InboxGetUpdates extends GetUpdates {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    static final int LIMIT = 100;
    static final int TIMEOUT_SECONDS = 50;

    InboxGetUpdates(int offset, List<String> allowedUpdates, int timeoutSeconds) {
        super(offset, LIMIT, timeoutSeconds, allowedUpdates);
    }

    /** The generator the long-polling session calls with the last update id it received. */
    static Function<Integer, GetUpdates> generator(List<String> allowedUpdates, int timeoutSeconds) {
        return last -> new InboxGetUpdates(last + 1, allowedUpdates, timeoutSeconds);
    }

    @Override
    public ArrayList<Update> deserializeResponse(String answer) throws TelegramApiRequestException {
        JsonNode root;
        try {
            root = MAPPER.readTree(answer);
        } catch (Exception e) {
            throw new TelegramApiRequestException("Unable to read getUpdates answer", e);
        }
        if (root == null || !root.path("ok").asBoolean(false) || !root.path("result").isArray()) {
            return super.deserializeResponse(answer);
        }
        ArrayList<Update> out = new ArrayList<>();
        for (JsonNode node : root.get("result")) {
            out.add(parse(node));
        }
        return out;
    }

    static RawUpdate parse(JsonNode node) {
        String raw = node.toString();
        try {
            return RawUpdate.parsed(MAPPER.treeToValue(node, RawUpdate.class), raw);
        } catch (Exception e) {
            return RawUpdate.unparsable(node.path("update_id").asInt(), raw, e.getMessage());
        }
    }

    static RawUpdate parse(String raw) {
        try {
            return parse(MAPPER.readTree(raw));
        } catch (Exception e) {
            return RawUpdate.unparsable(0, raw, e.getMessage());
        }
    }
}
