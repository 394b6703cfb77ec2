package coach.kam.conversation;

/**
 * Something a rep did, as any adapter sees it: typed text, pressed a button, shared a location or
 * sent a file. {@code updateId} is set when the transport can redeliver the same event (Telegram),
 * so that a repeat changes nothing. {@code displayName} is the sender's name when the transport
 * knows it, or null.
 */
public record Event(long userId, long chatId, Long updateId, String text, String buttonData,
                    Location location, String languageCode, Attachment attachment, String displayName) {

    public Event(long userId, long chatId, Long updateId, String text, String buttonData, Location location,
                 String languageCode, Attachment attachment) {
        this(userId, chatId, updateId, text, buttonData, location, languageCode, attachment, null);
    }

    /** The same event with the sender's name as the transport shows it (Telegram: first and last name). */
    public Event named(String name) {
        return new Event(userId, chatId, updateId, text, buttonData, location, languageCode, attachment, name);
    }

    public Event(long userId, long chatId, Long updateId, String text, String buttonData, Location location,
                 String languageCode) {
        this(userId, chatId, updateId, text, buttonData, location, languageCode, null);
    }

    public record Location(double latitude, double longitude) {
    }

    /**
     * A file the rep sent. Its content is fetched on demand through {@code content} (Telegram
     * downloads it; the console reads a local file), never inside a store transaction.
     */
    public record Attachment(String fileName, long size, Content content) {
    }

    /** Reads an attachment's bytes. */
    @FunctionalInterface
    public interface Content {
        byte[] read() throws java.io.IOException;

        /**
         * The bytes, or {@link TooLarge} once there are more than {@code maxBytes}. Content made by
         * {@link #streamed} stops reading there, so a file of any size costs at most the cap in memory;
         * other content (bytes already in memory) is checked after reading.
         */
        default byte[] read(long maxBytes) throws java.io.IOException {
            byte[] bytes = read();
            if (bytes.length > maxBytes) {
                throw new TooLarge(maxBytes);
            }
            return bytes;
        }

        /** Content read from a stream opened when it is read, never more than the cap asked for. */
        static Content streamed(Opener opener) {
            return new Content() {
                @Override
                public byte[] read() throws java.io.IOException {
                    return read(Integer.MAX_VALUE - 8);
                }

                @Override
                public byte[] read(long maxBytes) throws java.io.IOException {
                    try (java.io.InputStream in = opener.open(maxBytes)) {
                        return readAtMost(in, maxBytes);
                    }
                }
            };
        }
    }

    /** Opens an attachment's content; may fail with {@link TooLarge} at once when its size is known to be over the cap. */
    @FunctionalInterface
    public interface Opener {
        java.io.InputStream open(long maxBytes) throws java.io.IOException;
    }

    /** The attachment has more bytes than the reader accepts. */
    public static final class TooLarge extends java.io.IOException {
        private final long limit;

        public TooLarge(long limit) {
            super("larger than " + limit + " bytes");
            this.limit = limit;
        }

        public long limit() {
            return limit;
        }
    }

    /** Reads {@code in} to its end, failing with {@link TooLarge} as soon as it gave more than {@code maxBytes}. */
    public static byte[] readAtMost(java.io.InputStream in, long maxBytes) throws java.io.IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        long total = 0;
        while (true) {
            // one byte past the cap tells a file over it from one exactly at it
            int want = (int) Math.min(buffer.length, maxBytes + 1 - total);
            int n = in.read(buffer, 0, want);
            if (n < 0) {
                return out.toByteArray();
            }
            total += n;
            if (total > maxBytes) {
                throw new TooLarge(maxBytes);
            }
            out.write(buffer, 0, n);
        }
    }
}
