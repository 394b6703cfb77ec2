package coach.kam.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The Telegram Bot API reference (test resource {@code telegram/bot-api-spec.json}, Bot API 10.1),
 * reduced to what {@link FakeBotApi} needs: methods with their parameters and return types, and
 * the fields of each type. Loaded once per JVM.
 */
final class FakeBotApiSpec {

    static final String RESOURCE = "telegram/bot-api-spec.json";

    /** One parameter of a method or one field of a type. */
    record Field(String name, List<String> types, boolean required) {
        /** True when the value may legitimately be a plain string (so form values stay text). */
        boolean acceptsString() {
            return types.contains("String") || types.contains("InputFile");
        }
    }

    /** One Bot API method, with its canonical (camelCase) name. */
    record Method(String name, Map<String, Field> fields, List<String> returns) {
        Optional<Field> field(String fieldName) {
            return Optional.ofNullable(fields.get(fieldName));
        }
    }

    private static volatile FakeBotApiSpec instance;

    private final String version;
    private final Map<String, Method> methodsByLowerName;
    private final Map<String, Map<String, Field>> typeFields;

    private FakeBotApiSpec(JsonNode root) {
        this.version = root.path("version").asText();
        Map<String, Method> methods = new HashMap<>();
        root.path("methods").forEach(m -> {
            List<String> returns = new ArrayList<>();
            m.path("returns").forEach(r -> returns.add(r.asText()));
            Method method = new Method(m.path("name").asText(), fields(m), List.copyOf(returns));
            methods.put(method.name().toLowerCase(Locale.ROOT), method);
        });
        Map<String, Map<String, Field>> types = new HashMap<>();
        root.path("types").forEach(t -> types.put(t.path("name").asText(), fields(t)));
        this.methodsByLowerName = Collections.unmodifiableMap(methods);
        this.typeFields = Collections.unmodifiableMap(types);
    }

    private static Map<String, Field> fields(JsonNode node) {
        Map<String, Field> fields = new LinkedHashMap<>();
        node.path("fields").forEach(f -> {
            List<String> types = new ArrayList<>();
            f.path("types").forEach(t -> types.add(t.asText()));
            fields.put(f.path("name").asText(),
                    new Field(f.path("name").asText(), List.copyOf(types), f.path("required").asBoolean()));
        });
        return Collections.unmodifiableMap(fields);
    }

    static FakeBotApiSpec load() {
        FakeBotApiSpec spec = instance;
        if (spec == null) {
            synchronized (FakeBotApiSpec.class) {
                spec = instance;
                if (spec == null) {
                    spec = instance = read();
                }
            }
        }
        return spec;
    }

    private static FakeBotApiSpec read() {
        try (InputStream in = FakeBotApiSpec.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("test resource " + RESOURCE + " not found");
            }
            return new FakeBotApiSpec(new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    String version() {
        return version;
    }

    /** The method whose name equals {@code name} ignoring case (the client sends "sendmessage"). */
    Optional<Method> method(String name) {
        return Optional.ofNullable(methodsByLowerName.get(name.toLowerCase(Locale.ROOT)));
    }

    /** Fields of a type such as "InlineKeyboardButton"; empty when the type is unknown. */
    Map<String, Field> typeFields(String typeName) {
        return typeFields.getOrDefault(typeName, Map.of());
    }
}
