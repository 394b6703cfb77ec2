package coach.kam.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** field.yaml follows the rules of messages.yaml, and placeholders are filled in one pass. */
class FieldMessagesTest {

    @Test
    void anArgumentThatLooksLikeAPlaceholderStaysAsTyped() {
        Messages m = Messages.load();
        assertEquals("Renamed <b>New {1} Co</b> to <b>Other</b>.", m.get("en", "rename.done", "New {1} Co", "Other"));
        assertEquals("Renamed <b>{0}</b> to <b>$1 \\ co</b>.", m.get("en", "rename.done", "{0}", "$1 \\ co"));
        assertEquals("There is no /{2} command. /help lists them all.", m.get("en", "command.unknown", "{2}"));
    }

    @Test
    void bothLanguagesAndTheSamePlaceholders() throws IOException {
        Map<String, Map<String, String>> raw;
        try (InputStream in = FieldMessagesTest.class.getResourceAsStream("/i18n/field.yaml")) {
            raw = new ObjectMapper(new YAMLFactory()).readValue(in, new TypeReference<TreeMap<String, Map<String, String>>>() { });
        }
        List<String> problems = new ArrayList<>();
        raw.forEach((key, byLang) -> {
            if (byLang == null || !byLang.keySet().equals(Set.of("zh", "en"))
                    || byLang.values().stream().anyMatch(v -> v == null || v.isBlank())) {
                problems.add(key + " needs zh and en");
            } else if (!placeholders(byLang.get("zh")).equals(placeholders(byLang.get("en")))) {
                problems.add(key + " has different placeholders");
            }
        });
        assertEquals(List.of(), problems);
    }

    private static Set<String> placeholders(String s) {
        Set<String> out = new TreeSet<>();
        Matcher m = Pattern.compile("\\{(\\d+)}").matcher(s);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }
}
