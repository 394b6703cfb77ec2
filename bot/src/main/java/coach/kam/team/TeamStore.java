package coach.kam.team;

import coach.kam.store.Keys;
import coach.kam.store.Table;
import coach.kam.store.Tx;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.List;

/**
 * The teams as stored: a manager's members, invitations and who shares note texts; each rep's
 * team (so a rep sees and can leave it); people's display names; and the mark of the last digest
 * sent, so it goes out once a week and can name tier changes.
 */
public final class TeamStore {
    /** The reps a manager follows, those invited who have not answered, and the code reps join with. */
    public record Members(long managerId, Set<Long> reps, String code, Set<Long> invited, Set<Long> sharing) {
        public Members {
            reps = reps == null ? Set.of() : Set.copyOf(reps);
            invited = invited == null ? Set.of() : Set.copyOf(invited);
            sharing = sharing == null ? Set.of() : Set.copyOf(sharing);
        }

        public Members(long managerId) {
            this(managerId, Set.of(), null, Set.of(), Set.of());
        }

        public Members withCode(String newCode) {
            return new Members(managerId, reps, newCode, invited, sharing);
        }

        public Members withRep(long rep, boolean in) {
            return new Members(managerId, toggled(reps, rep, in), code, toggled(invited, rep, false),
                    in ? sharing : toggled(sharing, rep, false));
        }

        public Members withInvited(long rep, boolean in) {
            return new Members(managerId, reps, code, toggled(invited, rep, in), sharing);
        }

        public Members withSharing(long rep, boolean on) {
            return new Members(managerId, reps, code, invited, toggled(sharing, rep, on && reps.contains(rep)));
        }

        private static Set<Long> toggled(Set<Long> set, long id, boolean in) {
            Set<Long> out = new TreeSet<>(set);
            if (in) {
                out.add(id);
            } else {
                out.remove(id);
            }
            return out;
        }
    }

    /** The team a rep is in. */
    public record Membership(long rep, long managerId) {
    }

    /** How a person is named to others: the name they set, else their Telegram name. */
    public record Person(long userId, String chosen, String seen) {
        public String name() {
            return chosen != null ? chosen : seen;
        }
    }

    /** The last digest a manager was sent: its week, and each followed account's tier then. */
    public record Mark(long managerId, String week, Map<Long, String> tiers) {
        public Mark {
            tiers = tiers == null ? Map.of() : Map.copyOf(tiers);
        }
    }

    private static final Table<Members> TEAMS = Table.owned("teams", Members.class);
    private static final Table<Members> CODES = Table.operational("team-codes", Members.class);
    private static final Table<Membership> MEMBERSHIPS = Table.owned("team-of", Membership.class);
    private static final Table<Person> PEOPLE = Table.owned("people", Person.class);
    private static final Table<Mark> MARKS = Table.owned("digest-marks", Mark.class);

    /** The tables kept here, for the program's catalogue ({@code coach.kam.Catalogue}). */
    public static final List<Table<?>> TABLES = List.of(TEAMS, CODES, MEMBERSHIPS, PEOPLE, MARKS);
    public static final int MAX_NAME = 40;

    private final java.time.Clock clock;

    public TeamStore(java.time.Clock clock) {
        this.clock = clock;
    }

    public Optional<Members> members(Tx tx, long managerId) {
        return tx.get(TEAMS, Keys.of(managerId));
    }

    public Members membersOrNew(Tx tx, long managerId) {
        return members(tx, managerId).orElse(new Members(managerId));
    }

    public Optional<Members> byCode(Tx tx, String code) {
        return tx.get(CODES, Keys.path(code));
    }

    /** Saves a team and keeps each rep's membership in step with it; who came, went or was invited is audited. */
    public void save(Tx tx, Members before, Members after) {
        audit(tx, after.managerId(), "team.member.added", after.reps(), before.reps());
        audit(tx, after.managerId(), "team.member.removed", before.reps(), after.reps());
        audit(tx, after.managerId(), "team.invited", after.invited(), before.invited());
        tx.put(TEAMS, Keys.of(after.managerId()), after);
        if (after.code() != null) {
            tx.put(CODES, Keys.path(after.code()), after);
        }
        for (long rep : before.reps()) {
            if (!after.reps().contains(rep)) {
                tx.delete(MEMBERSHIPS, Keys.of(rep));
            }
        }
        for (long rep : after.reps()) {
            if (!before.reps().contains(rep)) {
                team(tx, rep).filter(m -> m.managerId() != after.managerId())
                        .ifPresent(old -> leaveOther(tx, rep, old.managerId()));
                tx.put(MEMBERSHIPS, Keys.of(rep), new Membership(rep, after.managerId()));
            }
        }
    }

    /** One audit entry per id in {@code now} that is not in {@code was}. */
    private void audit(Tx tx, long managerId, String action, Set<Long> now, Set<Long> was) {
        for (long rep : now) {
            if (!was.contains(rep)) {
                coach.kam.audit.Audit.record(tx, clock.instant(), managerId, action, "rep " + rep);
            }
        }
    }

    /** A rep is in one team at a time: joining another leaves the first. */
    private void leaveOther(Tx tx, long rep, long otherManager) {
        members(tx, otherManager).ifPresent(m -> tx.put(TEAMS, Keys.of(otherManager), m.withRep(rep, false)));
    }

    public Optional<Membership> team(Tx tx, long rep) {
        return tx.get(MEMBERSHIPS, Keys.of(rep));
    }

    /** Remembers the name Telegram gave, unless it is already known. */
    public void seen(Tx tx, long userId, String name) {
        String clean = clean(name);
        if (clean == null) {
            return;
        }
        Optional<Person> p = tx.get(PEOPLE, Keys.of(userId));
        if (p.isEmpty() || !clean.equals(p.get().seen())) {
            tx.put(PEOPLE, Keys.of(userId), new Person(userId, p.map(Person::chosen).orElse(null), clean));
        }
    }

    public void choose(Tx tx, long userId, String name) {
        Optional<Person> p = tx.get(PEOPLE, Keys.of(userId));
        tx.put(PEOPLE, Keys.of(userId), new Person(userId, clean(name), p.map(Person::seen).orElse(null)));
    }

    /** The person's name, or their id when no name is known. */
    public String name(Tx tx, long userId) {
        return tx.get(PEOPLE, Keys.of(userId)).map(Person::name).orElse(Long.toString(userId));
    }

    public Optional<Mark> mark(Tx tx, long managerId) {
        return tx.get(MARKS, Keys.of(managerId));
    }

    public void mark(Tx tx, Mark mark) {
        tx.put(MARKS, Keys.of(mark.managerId()), mark);
    }

    /** Names are one line of at most {@value #MAX_NAME} characters without control characters. */
    public static String clean(String name) {
        if (name == null) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        name.codePoints().limit(MAX_NAME * 2L).forEach(c -> {
            int type = Character.getType(c);
            boolean hidden = Character.isISOControl(c) || type == Character.FORMAT;
            out.appendCodePoint(hidden || Character.isWhitespace(c) ? ' ' : c);
        });
        String s = out.toString().strip().replaceAll(" {2,}", " ");
        if (s.isEmpty()) {
            return null;
        }
        return s.codePointCount(0, s.length()) > MAX_NAME ? s.substring(0, s.offsetByCodePoints(0, MAX_NAME)) : s;
    }
}
