package coach.kam.access;

import coach.kam.store.Store;
import coach.kam.store.Keys;
import coach.kam.store.Table;
import coach.kam.store.Tx;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.List;

/**
 * Who may use the bot: listed users, admins, people who sent the invite code once, or anyone when
 * access is explicitly open. Nothing is stored about a user who is refused.
 */
public final class Access {
    /** A user admitted with the invite code. */
    public record Member(long userId, Instant since) {
    }

    private static final Table<Member> MEMBERS = Table.owned("members", Member.class);

    /** The tables kept here, for the program's catalogue ({@code coach.kam.Catalogue}). */
    public static final List<Table<?>> TABLES = List.of(MEMBERS);
    private final Store store;
    private final Set<Long> allowed;
    private final Set<Long> admins;
    private final Optional<String> inviteCode;
    private final boolean open;
    /** Wrong invite codes per user, in memory only: nothing is stored about someone not let in. */
    private final coach.kam.audit.Guesses guesses = new coach.kam.audit.Guesses();

    public Access(Store store, Set<Long> allowed, Set<Long> admins, Optional<String> inviteCode, boolean open) {
        this.store = store;
        this.allowed = Set.copyOf(allowed);
        this.admins = Set.copyOf(admins);
        this.inviteCode = inviteCode;
        this.open = open;
    }

    /** The admins, who are told of storage outages. */
    public Set<Long> admins() {
        return admins;
    }

    public boolean isAdmin(long userId) {
        return admins.contains(userId);
    }

    public boolean isAllowed(long userId) {
        return open || allowed.contains(userId) || admins.contains(userId)
                || store.inTransaction(tx -> isMember(tx, userId));
    }

    /** As {@link #isAllowed(long)}, inside the caller's transaction. */
    public boolean isAllowed(Tx tx, long userId) {
        return open || allowed.contains(userId) || admins.contains(userId) || isMember(tx, userId);
    }

    private static boolean isMember(Tx tx, long userId) {
        return tx.get(MEMBERS, Keys.of(userId)).isPresent();
    }

    /**
     * Admits the user when {@code text} carries the invite code ("/start CODE" or the code alone).
     * Returns true when the user was admitted by this call.
     */
    public boolean tryInvite(long userId, String text, Instant now) {
        Try t = carriesCode(userId, text, now);
        if (t == Try.NONE) {
            return false;
        }
        store.inTransaction(tx -> {
            if (t == Try.RIGHT) {
                tx.put(MEMBERS, Keys.of(userId), new Member(userId, now));
            } else {
                audited(tx, userId, t, now);
            }
            return null;
        });
        return t == Try.RIGHT;
    }

    /** What a message was as a try at the invite code. */
    private enum Try {
        NONE(""), RIGHT(""), WRONG("invite.wrong"), THROTTLED("invite.throttled");

        /** The audit log's action for a try that failed. */
        final String action;

        Try(String action) {
            this.action = action;
        }
    }

    /** A wrong or throttled try goes to the audit table by user id only: no name, no text. */
    private static void audited(Tx tx, long userId, Try t, Instant now) {
        coach.kam.audit.Audit.record(tx, now, userId, t.action, "");
    }

    /** As {@link #tryInvite(long, String, Instant)}, inside the caller's transaction. */
    public boolean tryInvite(Tx tx, long userId, String text, Instant now) {
        Try t = carriesCode(userId, text, now);
        if (t == Try.WRONG || t == Try.THROTTLED) {
            audited(tx, userId, t, now);
        }
        if (t != Try.RIGHT) {
            return false;
        }
        tx.put(MEMBERS, Keys.of(userId), new Member(userId, now));
        return true;
    }

    /**
     * Whether {@code text} carries the invite code. A user with {@value coach.kam.audit.Guesses#TRIES}
     * wrong tries within the hour is not checked at all until the oldest is an hour old, so the code
     * cannot be guessed; wrong and throttled tries go to the audit log (by user id only).
     */
    private Try carriesCode(long userId, String text, Instant now) {
        if (inviteCode.isEmpty() || text == null) {
            return Try.NONE;
        }
        String t = text.strip();
        String candidate = t.startsWith("/start") ? t.substring("/start".length()).strip() : t;
        if (candidate.isEmpty() || (!t.startsWith("/start") && candidate.chars().anyMatch(Character::isWhitespace))) {
            // a sentence is not a try at the code
            return Try.NONE;
        }
        if (guesses.inviteBlockedUntil(userId, now) != null) {
            return Try.THROTTLED;
        }
        boolean right = java.security.MessageDigest.isEqual(candidate.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                inviteCode.get().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        if (!right) {
            guesses.wrongInvite(userId, now);
            return Try.WRONG;
        }
        return Try.RIGHT;
    }
}
