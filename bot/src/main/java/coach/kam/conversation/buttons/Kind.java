package coach.kam.conversation.buttons;

import coach.kam.conversation.Button;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Function;

/**
 * One kind of button: its prefix, declared once, the record a press decodes to, and the one
 * encoder and one decoder between them. Data is "prefix" or "prefix:field:field..."; a field never
 * holds the separator, and the whole fits Telegram's 64 bytes (UTF-8). Encoding data that breaks
 * either rule is a fault in the bot and throws; decoding never throws: data that is not exactly
 * this kind's (forged, garbled, cut, over-long) decodes to empty.
 *
 * @param <T> the record a press of this kind carries
 */
public final class Kind<T> {
    private static final String UNKNOWN = "button.unknown";
    private final String prefix;
    private final Class<T> type;
    private final Function<T, Object[]> encoder;
    private final Function<Fields, T> decoder;
    private final String staleAnswer;

    private Kind(String prefix, Class<T> type, Function<T, Object[]> encoder, Function<Fields, T> decoder,
                 String staleAnswer) {
        if (prefix.isEmpty() || prefix.indexOf(Fields.SEPARATOR) >= 0 || prefix.equals("d")) {
            throw new IllegalArgumentException("bad button prefix: " + prefix);
        }
        this.prefix = prefix;
        this.type = type;
        this.encoder = encoder;
        this.decoder = decoder;
        this.staleAnswer = staleAnswer;
    }

    /**
     * A kind of button. {@code encoder} gives the record's fields in order (a trailing null is left
     * out, for a field older buttons lack); {@code decoder} reads them back in the same order.
     */
    public static <T> Kind<T> of(String prefix, Class<T> type, Function<T, Object[]> encoder, Function<Fields, T> decoder) {
        return new Kind<>(prefix, type, encoder, decoder, UNKNOWN);
    }

    /** A kind with no fields ("close", "delno"): every press is the one value. */
    public static <T> Kind<T> constant(String prefix, Class<T> type, T value) {
        return new Kind<>(prefix, type, v -> new Object[0], f -> value, UNKNOWN);
    }

    /**
     * The same kind answering data it cannot decode with {@code messageKey} (what its handler says
     * to a stale press, "note.gone") instead of "button.unknown".
     */
    public Kind<T> answeringStale(String messageKey) {
        return new Kind<>(prefix, type, encoder, decoder, messageKey);
    }

    /** The message key for data of this prefix that does not decode. */
    public String staleAnswer() {
        return staleAnswer;
    }

    /** Encoder shorthand: the fields in order. */
    public static Object[] fields(Object... values) {
        return values;
    }

    public String prefix() {
        return prefix;
    }

    public Class<T> type() {
        return type;
    }

    /** The data for a press of {@code pressed}. */
    public String encode(T pressed) {
        Object[] values = encoder.apply(pressed);
        int last = values.length;
        while (last > 0 && values[last - 1] == null) {
            last--;
        }
        StringBuilder data = new StringBuilder(prefix);
        for (int i = 0; i < last; i++) {
            String field = values[i] == null ? "" : values[i].toString();
            if (field.isEmpty() || field.indexOf(Fields.SEPARATOR) >= 0 || field.chars().anyMatch(c -> c <= ' ' || c == 0x7f)) {
                throw new IllegalArgumentException("button field empty or holding '" + Fields.SEPARATOR
                        + "', a space or a control: " + prefix);
            }
            data.append(Fields.SEPARATOR).append(field);
        }
        String out = data.toString();
        if (out.getBytes(StandardCharsets.UTF_8).length > Button.MAX_DATA_BYTES) {
            throw new IllegalArgumentException("button data over " + Button.MAX_DATA_BYTES + " bytes: " + out);
        }
        return out;
    }

    /** The data's fields without the prefix, to keep as a one-step question's argument. */
    public String fieldsOf(T pressed) {
        String data = encode(pressed);
        return data.length() == prefix.length() ? "" : data.substring(prefix.length() + 1);
    }

    /** {@link #decode} of fields kept by {@link #fieldsOf}; empty for null or anything else. */
    public Optional<T> decodeFields(String fields) {
        return fields == null ? Optional.empty() : decode(prefix + Fields.SEPARATOR + fields);
    }

    public Button button(String label, T pressed) {
        return new Button(label, encode(pressed));
    }

    /** Whether {@code data} is of this kind by its prefix (its fields unread). */
    public boolean matches(String data) {
        return data != null && data.startsWith(prefix)
                && (data.length() == prefix.length() || data.charAt(prefix.length()) == Fields.SEPARATOR);
    }

    /** The press {@code data} stands for, or empty when it is not well-formed data of this kind. */
    public Optional<T> decode(String data) {
        if (data == null || data.length() > Button.MAX_DATA_BYTES || !matches(data)
                || data.getBytes(StandardCharsets.UTF_8).length > Button.MAX_DATA_BYTES) {
            return Optional.empty();
        }
        Fields fields = Fields.of(data.length() == prefix.length() ? null : data.substring(prefix.length() + 1));
        try {
            T value = decoder.apply(fields);
            return fields.done() ? Optional.ofNullable(value) : Optional.empty();
        } catch (RuntimeException malformed) {
            // Fields.Malformed, or a record's own check refusing a value
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return "button kind " + prefix + " (" + type.getSimpleName() + ")";
    }
}
