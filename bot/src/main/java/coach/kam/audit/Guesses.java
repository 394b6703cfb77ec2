package coach.kam.audit;

import coach.kam.store.Keys;
import coach.kam.store.Table;
import coach.kam.store.Tx;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Wrong codes are throttled: at most {@value #TRIES} wrong tries per user per hour, then a wait
 * until the oldest of them is an hour old. For /join (a rep, who is stored anyway) the tries are
 * kept in the store; for the invite code (someone not let in, of whom nothing is stored) they are
 * kept in memory only, for at most {@value #REMEMBERED} users.
 */
public final class Guesses {
    public static final int TRIES = 5;
    public static final Duration WINDOW = Duration.ofHours(1);
    static final int REMEMBERED = 10_000;

    /** A user's recent wrong tries, oldest first (at most {@value #TRIES}). */
    public record Tries(List<Instant> at) {
    }

    private static final Table<Tries> JOIN_TRIES = Table.operational("join-tries", Tries.class);

    /** The tables kept here, for the program's catalogue ({@code coach.kam.Catalogue}). */
    public static final List<Table<?>> TABLES = List.of(JOIN_TRIES);
    private final Map<Long, List<Instant>> inMemory = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, List<Instant>> eldest) {
            return size() > REMEMBERED;
        }
    };

    /** When the user may try a /join code again, or null when they may now. */
    public static Instant joinBlockedUntil(Tx tx, long userId, Instant now) {
        return blockedUntil(tx.get(JOIN_TRIES, Keys.of(userId)).map(Tries::at).orElse(List.of()), now);
    }

    /** Counts a wrong /join code. */
    public static void wrongJoin(Tx tx, long userId, Instant now) {
        List<Instant> recent = recent(tx.get(JOIN_TRIES, Keys.of(userId)).map(Tries::at).orElse(List.of()), now);
        recent.add(now);
        tx.put(JOIN_TRIES, Keys.of(userId), new Tries(recent.subList(Math.max(0, recent.size() - TRIES),
                recent.size())));
    }

    /** When the user may try the invite code again, or null when they may now (memory only). */
    public synchronized Instant inviteBlockedUntil(long userId, Instant now) {
        return blockedUntil(inMemory.getOrDefault(userId, List.of()), now);
    }

    /** Counts a wrong invite code (memory only). */
    public synchronized void wrongInvite(long userId, Instant now) {
        List<Instant> recent = recent(inMemory.getOrDefault(userId, List.of()), now);
        recent.add(now);
        inMemory.put(userId, new ArrayList<>(recent.subList(Math.max(0, recent.size() - TRIES), recent.size())));
    }

    private static Instant blockedUntil(List<Instant> tries, Instant now) {
        List<Instant> recent = recent(tries, now);
        return recent.size() >= TRIES ? recent.get(recent.size() - TRIES).plus(WINDOW) : null;
    }

    private static List<Instant> recent(List<Instant> tries, Instant now) {
        List<Instant> out = new ArrayList<>();
        for (Instant t : tries) {
            if (t.isAfter(now.minus(WINDOW))) {
                out.add(t);
            }
        }
        return out;
    }
}
