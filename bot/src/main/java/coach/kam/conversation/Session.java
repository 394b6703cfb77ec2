package coach.kam.conversation;

import java.time.Instant;

/**
 * Per-rep conversation state, kept in the store and changed in the same transaction as the data
 * an event changed: the language, the time zone, the open account and the open dialog (its state
 * is in the dialogs table).
 */
public record Session(long userId, String lang, String zone, Long openAccountId, Long dialogId, Instant createdAt) {

    public static Session fresh(long userId, String lang, Instant now) {
        return new Session(userId, lang, "Asia/Shanghai", null, null, now);
    }

    public Session withLang(String l) {
        return new Session(userId, l, zone, openAccountId, dialogId, createdAt);
    }

    public Session withZone(String z) {
        return new Session(userId, lang, z, openAccountId, dialogId, createdAt);
    }

    public Session withOpenAccount(Long id) {
        return new Session(userId, lang, zone, id, dialogId, createdAt);
    }

    public Session withDialog(Long id) {
        return new Session(userId, lang, zone, openAccountId, id, createdAt);
    }
}
