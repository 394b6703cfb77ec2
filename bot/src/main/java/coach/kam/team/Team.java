package coach.kam.team;

import coach.kam.audit.Audit;
import coach.kam.audit.Guesses;
import coach.kam.store.Tx;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Teams: managers (the configured admins) follow reps who joined by an invitation or a code. A
 * rep is in one team at a time, can leave it, and decides whether the manager's export may carry
 * their note texts (off by default). Removing a rep, or asking for a new code, replaces the join
 * code, so a removed rep cannot join again with the code they had; wrong codes are throttled.
 */
public final class Team {
    private static final String LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private final Set<Long> managers;
    private final TeamStore store;
    private final SecureRandom random = new SecureRandom();

    public Team(Set<Long> managers, Clock clock) {
        this.managers = Set.copyOf(managers);
        this.store = new TeamStore(clock);
    }

    /** How a join, an invitation's answer, an invitation or a removal came out. */
    public enum Outcome { JOINED, DECLINED, WAIT, UNKNOWN_CODE, REPLACED_CODE, SELF, GONE, ALREADY, INVITED, REMOVED,
        NOT_MEMBER }

    /**
     * The outcome with the manager it concerns, the minutes to wait (WAIT), the team's code (INVITED,
     * and REMOVED when the removal replaced it) and whether the person was a member (REMOVED).
     */
    public record Result(Outcome outcome, long managerId, long waitMinutes, String code, boolean wasMember) {
        static Result of(Outcome o, long managerId) {
            return new Result(o, managerId, 0, null, false);
        }
    }

    public boolean isManager(long userId) {
        return managers.contains(userId);
    }

    /** True for a manager whose team has someone in it. */
    public boolean leads(Tx tx, long managerId) {
        return isManager(managerId) && store.members(tx, managerId).map(m -> !m.reps().isEmpty()).orElse(false);
    }

    /** Whether {@code rep} lets their team's manager export their note texts. */
    public boolean shares(Tx tx, long rep) {
        return store.team(tx, rep).flatMap(t -> store.members(tx, t.managerId()))
                .map(m -> m.sharing().contains(rep)).orElse(false);
    }

    /** The reps a manager follows with the names the digest uses, in id order; empty for anyone who is not a manager. */
    public List<Map.Entry<Long, String>> reps(Tx tx, long managerId) {
        if (!managers.contains(managerId)) {
            return List.of();
        }
        return store.members(tx, managerId).map(m -> m.reps().stream().sorted()
                .map(r -> Map.entry(r, store.name(tx, r))).toList()).orElse(List.of());
    }

    /** A manager's team (empty when nobody was added yet). */
    public TeamStore.Members members(Tx tx, long managerId) {
        return store.membersOrNew(tx, managerId);
    }

    /** The manager of the rep's team, if the rep is in one. */
    public Optional<Long> managerOf(Tx tx, long rep) {
        return store.team(tx, rep).map(TeamStore.Membership::managerId);
    }

    /** Remembers the name the chat gave a person, unless it is already known. */
    public void seen(Tx tx, long userId, String name) {
        store.seen(tx, userId, name);
    }

    /** The person's name, or their id when no name is known. */
    public String name(Tx tx, long userId) {
        return store.name(tx, userId);
    }

    /** Sets the name a person is shown by; false when nothing usable was given. */
    public boolean rename(Tx tx, long userId, String name) {
        if (TeamStore.clean(name) == null) {
            return false;
        }
        store.choose(tx, userId, name);
        return true;
    }

    /** The team's join code, made (or replaced, when {@code fresh}) as needed. */
    public String code(Tx tx, long managerId, boolean fresh) {
        TeamStore.Members m = store.membersOrNew(tx, managerId);
        TeamStore.Members coded = m.code() != null && !fresh ? m : m.withCode(newCode());
        store.save(tx, m, coded);
        return coded.code();
    }

    /** Invites a rep (ALREADY when they are in the team); INVITED carries the join code. */
    public Result invite(Tx tx, long managerId, long rep) {
        TeamStore.Members m = store.membersOrNew(tx, managerId);
        if (m.reps().contains(rep)) {
            return Result.of(Outcome.ALREADY, managerId);
        }
        TeamStore.Members coded = m.code() != null ? m : m.withCode(newCode());
        store.save(tx, m, coded.withInvited(rep, true));
        return new Result(Outcome.INVITED, managerId, 0, coded.code(), false);
    }

    /** Takes a rep or an invitation out; a removed rep's code is replaced (REMOVED carries the new one). */
    public Result remove(Tx tx, long managerId, long rep) {
        TeamStore.Members m = store.membersOrNew(tx, managerId);
        if (!m.reps().contains(rep) && !m.invited().contains(rep)) {
            return Result.of(Outcome.NOT_MEMBER, managerId);
        }
        TeamStore.Members without = m.withRep(rep, false);
        if (m.reps().contains(rep) && m.code() != null) {
            // the code the removed rep knows stops working
            without = without.withCode(newCode());
        }
        store.save(tx, m, without);
        String replaced = without.code() != null && !without.code().equals(m.code()) ? without.code() : null;
        return new Result(Outcome.REMOVED, managerId, 0, replaced, m.reps().contains(rep));
    }

    /** The rep leaves their team; the manager they left, or empty when they were in none. */
    public Optional<Long> leave(Tx tx, long rep) {
        Optional<Long> manager = managerOf(tx, rep);
        manager.ifPresent(id -> {
            TeamStore.Members m = store.membersOrNew(tx, id);
            store.save(tx, m, m.withRep(rep, false));
        });
        return manager;
    }

    /** Lets the manager's export carry the rep's note texts, or not; false when the rep is in no team. */
    public boolean share(Tx tx, long rep, boolean on) {
        Optional<Long> manager = managerOf(tx, rep);
        manager.ifPresent(id -> {
            TeamStore.Members m = store.membersOrNew(tx, id);
            store.save(tx, m, m.withSharing(rep, on));
        });
        return manager.isPresent();
    }

    /** /join CODE: five wrong codes within the hour make the rep wait until the oldest is an hour old. */
    public Result join(Tx tx, long rep, String code, Instant now) {
        Instant until = Guesses.joinBlockedUntil(tx, rep, now);
        if (until != null) {
            Audit.record(tx, now, rep, "join.throttled", "");
            return new Result(Outcome.WAIT, 0, Math.max(1, Duration.between(now, until).toMinutes()), null, false);
        }
        Optional<TeamStore.Members> team = code.isBlank() ? Optional.empty() : store.byCode(tx, code.strip());
        if (team.isEmpty()) {
            wrongCode(tx, rep, now, "unknown code");
            return Result.of(Outcome.UNKNOWN_CODE, 0);
        }
        TeamStore.Members current = store.membersOrNew(tx, team.get().managerId());
        if (!code.strip().equals(current.code())) {
            wrongCode(tx, rep, now, "replaced code of manager " + current.managerId());
            return Result.of(Outcome.REPLACED_CODE, current.managerId());
        }
        return joined(tx, rep, current, now);
    }

    /**
     * The invited rep ({@code name} as the chat shows them) accepts or declines the manager's
     * invitation (GONE when there is none).
     */
    public Result answer(Tx tx, long rep, String name, long managerId, boolean accept, Instant now) {
        Optional<TeamStore.Members> team = store.members(tx, managerId);
        if (team.isEmpty() || !team.get().invited().contains(rep)) {
            return Result.of(Outcome.GONE, managerId);
        }
        store.seen(tx, rep, name);
        if (accept) {
            return joined(tx, rep, team.get(), now);
        }
        store.save(tx, team.get(), team.get().withInvited(rep, false));
        return Result.of(Outcome.DECLINED, managerId);
    }

    private Result joined(Tx tx, long rep, TeamStore.Members team, Instant now) {
        if (team.managerId() == rep) {
            return Result.of(Outcome.SELF, rep);
        }
        Audit.record(tx, now, rep, "team.join", "manager " + team.managerId());
        store.save(tx, team, team.withRep(rep, true));
        return Result.of(Outcome.JOINED, team.managerId());
    }

    private static void wrongCode(Tx tx, long userId, Instant now, String detail) {
        Guesses.wrongJoin(tx, userId, now);
        Audit.record(tx, now, userId, "join.wrong", detail);
    }

    private String newCode() {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            out.append(LETTERS.charAt(random.nextInt(LETTERS.length())));
        }
        return out.toString();
    }

    /** The store behind the team, for the digest. */
    TeamStore store() {
        return store;
    }
}
