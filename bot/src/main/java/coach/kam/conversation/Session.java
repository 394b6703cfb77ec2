package coach.kam.conversation;

import java.time.Instant;

/**
 * Per-rep conversation state, kept in the store and changed in the same transaction as the data
 * an event changed: the language, the time zone, the open account and the open dialog (its state
 * is in the dialogs table). {@code lastSeen} is when the rep last did something (kept to the
 * minute, so most turns do not write the session again); null in sessions stored before it was kept.
 */
public record Session(long userId, String lang, String zone, Long openAccountId, Long dialogId, Instant createdAt,
                      Instant lastSeen) {

    public Session(long userId, String lang, String zone, Long openAccountId, Long dialogId, Instant createdAt) {
        this(userId, lang, zone, openAccountId, dialogId, createdAt, null);
    }

    public static Session fresh(long userId, String lang, Instant now) {
        return new Session(userId, lang, "Asia/Shanghai", null, null, now, now);
    }

    public Session withLang(String l) {
        return new Session(userId, l, zone, openAccountId, dialogId, createdAt, lastSeen);
    }

    public Session withZone(String z) {
        return new Session(userId, lang, z, openAccountId, dialogId, createdAt, lastSeen);
    }

    public Session withOpenAccount(Long id) {
        return new Session(userId, lang, zone, id, dialogId, createdAt, lastSeen);
    }

    public Session withDialog(Long id) {
        return new Session(userId, lang, zone, openAccountId, id, createdAt, lastSeen);
    }

    /** Seen at {@code now}; unchanged when last seen less than a minute ago. */
    public Session seen(Instant now) {
        if (lastSeen != null && !now.isAfter(lastSeen.plusSeconds(60)) && !now.isBefore(lastSeen)) {
            return this;
        }
        return new Session(userId, lang, zone, openAccountId, dialogId, createdAt, now);
    }
}
