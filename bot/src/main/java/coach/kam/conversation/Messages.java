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
 * The bot's own sentences in Chinese and English, from the files in {@link #FILES}. Placeholders
 * are {0}, {1}, ...; arguments are inserted as given, so callers escape user text first.
 */
public final class Messages {
    public static final Set<String> LANGUAGES = Set.of("zh", "en");
    private static final java.util.regex.Pattern PLACEHOLDER = java.util.regex.Pattern.compile("\\{(\\d{1,2})}");
    private final Map<String, Map<String, String>> texts;

    private Messages(Map<String, Map<String, String>> texts) {
        this.texts = texts;
    }

    /** The message files, each a map of key to {zh, en}; a key may appear in one file only. */
    static final java.util.List<String> FILES = java.util.List.of("/i18n/messages.yaml", "/i18n/dialogs.yaml",
            "/i18n/checkin.yaml", "/i18n/field.yaml", "/i18n/export.yaml", "/i18n/trust.yaml", "/i18n/deals.yaml",
            "/i18n/charts.yaml", "/i18n/practice.yaml", "/i18n/owndata.yaml");

    public static Messages load() {
        Map<String, Map<String, String>> all = new java.util.HashMap<>();
        for (String file : FILES) {
            read(file).forEach((key, byLang) -> {
                for (String lang : LANGUAGES) {
                    if (byLang == null || byLang.get(lang) == null) {
                        throw new IllegalStateException(file + ": " + key + " has no " + lang + " text");
                    }
                }
                if (all.put(key, byLang) != null) {
                    throw new IllegalStateException(file + ": " + key + " is defined in another message file too");
                }
            });
        }
        return new Messages(all);
    }

    private static Map<String, Map<String, String>> read(String file) {
        try (InputStream in = Messages.class.getResourceAsStream(file)) {
            if (in == null) {
                throw new IllegalStateException(file + " is missing from the class path");
            }
            return new ObjectMapper(new YAMLFactory()).readValue(in, new TypeReference<>() { });
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
        if (args.length == 0) {
            return text;
        }
        // One pass over the template: an argument that itself contains "{1}" stays as it is.
        java.util.regex.Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            int i = Integer.parseInt(m.group(1));
            m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(
                    i < args.length ? String.valueOf(args[i]) : m.group()));
        }
        m.appendTail(out);
        return out.toString();
    }

    public boolean has(String key) {
        return texts.containsKey(key);
    }

    /** "zh" for any Chinese language code, else "en". */
    public static String languageFor(String code) {
        return code != null && code.toLowerCase().startsWith("zh") ? "zh" : "en";
    }
}
