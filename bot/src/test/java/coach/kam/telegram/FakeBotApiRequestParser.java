package coach.kam.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the parameters of one Bot API request into a JSON object, whatever way they came:
 * the query string, a JSON body, a form-urlencoded body or a multipart/form-data body.
 *
 * <p>Form and multipart values are strings; a value whose parameter cannot be a string according
 * to the spec (reply_markup, results, commands, ...) and that looks like JSON is parsed, the way
 * the real API reads "JSON-serialized" parameters. A multipart file part becomes an object
 * {@code {"file_name": ..., "content_type": ..., "size": n, "bytes": <binary>}}, put where an
 * "attach://part" value refers to it (telegrambots sends {@code document=attach://report.csv}).
 */
final class FakeBotApiRequestParser {

    private static final Pattern BOUNDARY = Pattern.compile("boundary=\"?([^\";]+)\"?", Pattern.CASE_INSENSITIVE);
    private static final Pattern DISPOSITION_PARAM =
            Pattern.compile(";\\s*(name|filename)=\"([^\"]*)\"", Pattern.CASE_INSENSITIVE);

    private static final String ATTACH = "attach://";

    private final ObjectMapper mapper;

    FakeBotApiRequestParser(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * @throws IllegalArgumentException when the body cannot be parsed (answered as 400)
     */
    ObjectNode parse(FakeBotApiSpec.Method method, String rawQuery, String contentType, byte[] body) {
        ObjectNode params = mapper.createObjectNode();
        if (rawQuery != null && !rawQuery.isEmpty()) {
            parseUrlEncoded(method, rawQuery, params);
        }
        if (body.length == 0) {
            return params;
        }
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        if (type.startsWith("application/json")) {
            parseJson(body, params);
        } else if (type.startsWith("application/x-www-form-urlencoded")) {
            parseUrlEncoded(method, new String(body, StandardCharsets.UTF_8), params);
        } else if (type.startsWith("multipart/form-data")) {
            parseMultipart(method, contentType, body, params);
            resolveAttachments(params, params, new HashSet<>());
        } else {
            throw new IllegalArgumentException("unsupported Content-Type \"" + contentType + "\"");
        }
        return params;
    }

    private void parseJson(byte[] body, ObjectNode params) {
        try {
            JsonNode node = mapper.readTree(body);
            if (node == null || !node.isObject()) {
                throw new IllegalArgumentException("JSON body is not an object");
            }
            params.setAll((ObjectNode) node);
        } catch (IOException e) {
            throw new IllegalArgumentException("can't parse JSON body: " + e.getMessage(), e);
        }
    }

    private void parseUrlEncoded(FakeBotApiSpec.Method method, String encoded, ObjectNode params) {
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            putStringValue(method, name, value, params);
        }
    }

    private void parseMultipart(FakeBotApiSpec.Method method, String contentType, byte[] body, ObjectNode params) {
        Matcher b = BOUNDARY.matcher(contentType);
        if (!b.find()) {
            throw new IllegalArgumentException("multipart body without boundary");
        }
        // ISO-8859-1 maps every byte to one char, so string indices are byte offsets.
        String raw = new String(body, StandardCharsets.ISO_8859_1);
        String delimiter = "--" + b.group(1);
        int pos = raw.indexOf(delimiter);
        while (pos >= 0) {
            int partStart = pos + delimiter.length();
            if (raw.startsWith("--", partStart)) {
                return; // closing delimiter
            }
            int headersStart = raw.indexOf("\r\n", partStart) + 2;
            int headersEnd = raw.indexOf("\r\n\r\n", headersStart);
            int next = raw.indexOf("\r\n" + delimiter, headersEnd);
            if (headersStart < 2 || headersEnd < 0 || next < 0) {
                throw new IllegalArgumentException("malformed multipart body");
            }
            readPart(method, raw.substring(headersStart, headersEnd), raw.substring(headersEnd + 4, next), params);
            pos = next + 2;
        }
        throw new IllegalArgumentException("multipart body without closing delimiter");
    }

    /**
     * Replaces every "attach://name" value (top level or inside JSON parameters such as media)
     * by the file part called name, and drops the parts so used, as the real API reads them.
     */
    private static void resolveAttachments(ObjectNode params, JsonNode node, Set<String> used) {
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                JsonNode value = object.get(name);
                JsonNode file = attachment(params, value);
                if (file != null) {
                    object.set(name, file);
                    used.add(value.asText().substring(ATTACH.length()));
                } else {
                    resolveAttachments(params, value, used);
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                JsonNode file = attachment(params, node.get(i));
                if (file != null) {
                    used.add(node.get(i).asText().substring(ATTACH.length()));
                    ((ArrayNode) node).set(i, file);
                } else {
                    resolveAttachments(params, node.get(i), used);
                }
            }
        }
        if (node == params) {
            used.forEach(params::remove);
        }
    }

    private static JsonNode attachment(ObjectNode params, JsonNode value) {
        if (value == null || !value.isTextual() || !value.asText().startsWith(ATTACH)) {
            return null;
        }
        JsonNode file = params.get(value.asText().substring(ATTACH.length()));
        return file != null && file.has("bytes") ? file : null;
    }

    private void readPart(FakeBotApiSpec.Method method, String headers, String content, ObjectNode params) {
        String name = null;
        String fileName = null;
        String partType = null;
        for (String header : headers.split("\r\n")) {
            String lower = header.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-disposition:")) {
                Matcher m = DISPOSITION_PARAM.matcher(header);
                while (m.find()) {
                    String value = new String(m.group(2).getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
                    if (m.group(1).equalsIgnoreCase("name")) {
                        name = value;
                    } else {
                        fileName = value;
                    }
                }
            } else if (lower.startsWith("content-type:")) {
                partType = header.substring("content-type:".length()).trim();
            }
        }
        if (name == null) {
            throw new IllegalArgumentException("multipart part without a name");
        }
        byte[] bytes = content.getBytes(StandardCharsets.ISO_8859_1);
        if (fileName != null) {
            ObjectNode file = params.putObject(name);
            file.put("file_name", fileName);
            file.put("content_type", partType);
            file.put("size", bytes.length);
            file.put("bytes", bytes);
        } else {
            putStringValue(method, name, new String(bytes, StandardCharsets.UTF_8), params);
        }
    }

    private void putStringValue(FakeBotApiSpec.Method method, String name, String value, ObjectNode params) {
        boolean looksLikeJson = value.startsWith("{") || value.startsWith("[");
        boolean structured = method.field(name).map(f -> !f.acceptsString()).orElse(false);
        if (looksLikeJson && structured) {
            try {
                params.set(name, mapper.readTree(value));
                return;
            } catch (IOException e) {
                throw new IllegalArgumentException("can't parse " + name + " JSON object: " + e.getMessage(), e);
            }
        }
        params.put(name, value);
    }
}
