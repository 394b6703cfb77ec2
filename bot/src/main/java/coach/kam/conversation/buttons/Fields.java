package coach.kam.conversation.buttons;

/**
 * The fields of one button's data after its prefix, read in order by a kind's decoder. Every read
 * checks its field and throws {@link Malformed} (caught by {@link Kind#decode}) when it does not fit,
 * so a decoder is a straight line of reads. Fields are split on ':' by a plain scan.
 */
public final class Fields {
    static final char SEPARATOR = ':';
    private static final int MAX_ID_DIGITS = 18;
    private static final int MAX_NUMBER_DIGITS = 9;
    private final String[] parts;
    private int next;

    private Fields(String[] parts) {
        this.parts = parts;
    }

    /** The fields of {@code rest} (the data after "prefix:"), or none when {@code rest} is null. */
    static Fields of(String rest) {
        if (rest == null) {
            return new Fields(new String[0]);
        }
        java.util.List<String> out = new java.util.ArrayList<>();
        int from = 0;
        for (int i = 0; i <= rest.length(); i++) {
            if (i == rest.length() || rest.charAt(i) == SEPARATOR) {
                out.add(rest.substring(from, i));
                from = i + 1;
            }
        }
        return new Fields(out.toArray(new String[0]));
    }

    /** Whether a field is left to read (for a trailing field that older buttons lack). */
    public boolean more() {
        return next < parts.length;
    }

    boolean done() {
        return next == parts.length;
    }

    private String take() {
        if (next >= parts.length) {
            throw Malformed.INSTANCE;
        }
        return parts[next++];
    }

    /** A record id: 1 to 18 ASCII digits. */
    public long id() {
        return digits(take(), MAX_ID_DIGITS);
    }

    /** A small number from {@code min} to {@code max} (both at least 0), in ASCII digits. */
    public int number(int min, int max) {
        long n = digits(take(), MAX_NUMBER_DIGITS);
        if (n < min || n > max) {
            throw Malformed.INSTANCE;
        }
        return (int) n;
    }

    /** A non-empty text field of at most {@code maxLength} characters, none of them a space or a control. */
    public String word(int maxLength) {
        String w = take();
        if (w.isEmpty() || w.length() > maxLength) {
            throw Malformed.INSTANCE;
        }
        for (int i = 0; i < w.length(); i++) {
            if (w.charAt(i) <= ' ' || w.charAt(i) == 0x7f) {
                throw Malformed.INSTANCE;
            }
        }
        return w;
    }

    /** One of the given words. */
    public String oneOf(String... allowed) {
        String w = take();
        for (String a : allowed) {
            if (a.equals(w)) {
                return a;
            }
        }
        throw Malformed.INSTANCE;
    }

    private static long digits(String s, int maxDigits) {
        if (s.isEmpty() || s.length() > maxDigits) {
            throw Malformed.INSTANCE;
        }
        long n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                throw Malformed.INSTANCE;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }

    /** Data that does not fit its kind; carries no stack trace, it is an answer, not a fault. */
    static final class Malformed extends RuntimeException {
        static final Malformed INSTANCE = new Malformed();

        private Malformed() {
            super("malformed button data", null, false, false);
        }
    }
}
