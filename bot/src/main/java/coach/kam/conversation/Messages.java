package coach.kam.conversation;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Set;

/**
 * The bot's own sentences in Chinese and English, from {@code i18n/messages.yaml}. Placeholders
 * are {0}, {1}, ...; arguments are inserted as given, so callers escape user text first.
 */
public final class Messages {
    public static final Set<String> LANGUAGES = Set.of("zh", "en");
    private final Map<String, Map<String, String>> texts;

    private Messages(Map<String, Map<String, String>> texts) {
        this.texts = texts;
    }

    public static Messages load() {
        try (InputStream in = Messages.class.getResourceAsStream("/i18n/messages.yaml")) {
            if (in == null) {
                throw new IllegalStateException("i18n/messages.yaml is missing from the class path");
            }
            Map<String, Map<String, String>> texts = new ObjectMapper(new YAMLFactory())
                    .readValue(in, new TypeReference<>() { });
            texts.forEach((key, byLang) -> {
                for (String lang : LANGUAGES) {
                    if (byLang == null || byLang.get(lang) == null) {
                        throw new IllegalStateException("i18n/messages.yaml: " + key + " has no " + lang + " text");
                    }
                }
            });
            return new Messages(texts);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String get(String lang, String key, Object... args) {
        Map<String, String> byLang = texts.get(key);
        if (byLang == null) {
            throw new IllegalArgumentException("no message " + key);
        }
        String text = byLang.getOrDefault(lang, byLang.get("en")).strip();
        for (int i = 0; i < args.length; i++) {
            text = text.replace("{" + i + "}", String.valueOf(args[i]));
        }
        return text;
    }

    public boolean has(String key) {
        return texts.containsKey(key);
    }

    /** "zh" for any Chinese language code, else "en". */
    public static String languageFor(String code) {
        return code != null && code.toLowerCase().startsWith("zh") ? "zh" : "en";
    }
}
