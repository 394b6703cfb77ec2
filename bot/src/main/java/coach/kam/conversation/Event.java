package coach.kam.conversation;

/**
 * Something a rep did, as any adapter sees it: typed text, pressed a button or shared a location.
 * {@code updateId} is set when the transport can redeliver the same event (Telegram), so that a
 * repeat changes nothing.
 */
public record Event(long userId, long chatId, Long updateId, String text, String buttonData,
                    Location location, String languageCode) {

    public record Location(double latitude, double longitude) {
    }

    public static Event text(long userId, String text) {
        return new Event(userId, userId, null, text, null, null, null);
    }

    public static Event button(long userId, String data) {
        return new Event(userId, userId, null, null, data, null, null);
    }

    public Event withUpdateId(long id) {
        return new Event(userId, chatId, id, text, buttonData, location, languageCode);
    }

    public Event withLanguage(String code) {
        return new Event(userId, chatId, updateId, text, buttonData, location, code);
    }
}
