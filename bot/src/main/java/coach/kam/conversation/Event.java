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
}
