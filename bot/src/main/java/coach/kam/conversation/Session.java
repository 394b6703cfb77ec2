package coach.kam.conversation;

import java.time.Instant;

/**
 * Per-rep conversation state, kept in the store and changed in the same transaction as the data
 * an event changed: the language, the time zone, the open account and what the bot is waiting for.
 */
public record Session(long userId, String lang, String zone, Long openAccountId, String pending,
                      String pendingArg, Instant createdAt) {

    public static Session fresh(long userId, String lang, Instant now) {
        return new Session(userId, lang, "Asia/Shanghai", null, null, null, now);
    }

    public Session withLang(String l) {
        return new Session(userId, l, zone, openAccountId, pending, pendingArg, createdAt);
    }

    public Session withZone(String z) {
        return new Session(userId, lang, z, openAccountId, pending, pendingArg, createdAt);
    }

    public Session withOpenAccount(Long id) {
        return new Session(userId, lang, zone, id, pending, pendingArg, createdAt);
    }

    public Session waitingFor(String what, String arg) {
        return new Session(userId, lang, zone, openAccountId, what, arg, createdAt);
    }

    public Session notWaiting() {
        return waitingFor(null, null);
    }
}
