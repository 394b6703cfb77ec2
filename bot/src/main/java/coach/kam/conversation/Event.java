package coach.kam.conversation;

/**
 * Something a rep did, as any adapter sees it: typed text, pressed a button, shared a location or
 * sent a file. {@code updateId} is set when the transport can redeliver the same event (Telegram),
 * so that a repeat changes nothing.
 */
public record Event(long userId, long chatId, Long updateId, String text, String buttonData,
                    Location location, String languageCode, Attachment attachment) {

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
    }
}
