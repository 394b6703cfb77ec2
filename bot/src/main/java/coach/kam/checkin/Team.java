package coach.kam.checkin;

import coach.kam.accounts.Account;
import coach.kam.accounts.Accounts;
import coach.kam.conversation.Conversation;
import coach.kam.conversation.Html;
import coach.kam.conversation.Turn;
import coach.kam.conversation.commands.AccountOverview;
import coach.kam.store.Table;
import coach.kam.store.Tx;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A manager's team: /team add, /team remove, /team invite (reps send /join CODE), and the Monday
 * digest per rep. The digest shows counts and account names, never what a rep wrote.
 *
 * <p>Removing a rep, or /team invite new, replaces the join code, so a removed rep cannot join
 * again with the code they had. A replaced code is kept only to tell whoever sends it that it was
 * replaced.
 */
public final class Team {
    /** The reps a manager follows, and the code reps join with. */
    record Members(long managerId, Set<Long> reps, String code) {
        Members {
            reps = reps == null ? Set.of() : Set.copyOf(reps);
        }
    }

    private static final Table<Members> TEAMS = Table.of("teams", Members.class);
    private static final Table<Members> CODES = Table.of("team-codes", Members.class);
    private static final int MAX_STALE_NAMES = 5;
    private final Set<Long> managers;
    private final Accounts accounts;
    private final AccountOverview overview;
    private final CheckinStore store;
    private final SecureRandom random = new SecureRandom();

    /** Dates wrong /join codes, which are throttled per rep per hour. */
    private final java.time.Clock clock;

    Team(Set<Long> managers, Accounts accounts, AccountOverview overview, CheckinStore store, java.time.Clock clock) {
        this.clock = clock;
        this.managers = Set.copyOf(managers);
        this.accounts = accounts;
        this.overview = overview;
        this.store = store;
    }

    public void register(Conversation.Builder b) {
        b.command("team", this::command);
        b.command("join", this::join);
    }

    boolean isManager(long userId) {
        return managers.contains(userId);
    }

    Optional<Members> members(Tx tx, long managerId) {
        return tx.get(TEAMS, Long.toString(managerId));
    }

    private void command(Turn turn, String args) {
        if (!isManager(turn.userId())) {
            turn.say(turn.t("team.managers.only"));
            return;
        }
        Members m = members(turn.tx(), turn.userId()).orElse(new Members(turn.userId(), Set.of(), null));
        String[] words = args.strip().split("\\s+");
        if (words.length == 2 && words[0].equalsIgnoreCase("add") && words[1].matches("\\d{1,18}")) {
            save(turn.tx(), with(m, Long.parseLong(words[1]), true));
            turn.say(turn.t("team.added", words[1]));
        } else if (words.length == 2 && words[0].equalsIgnoreCase("remove") && words[1].matches("\\d{1,18}")) {
            long rep = Long.parseLong(words[1]);
            Members without = with(m, rep, false);
            if (m.reps().contains(rep) && m.code() != null) {
                // the code the removed rep knows stops working
                without = new Members(without.managerId(), without.reps(), newCode());
                save(turn.tx(), without);
                turn.say(turn.t("team.removed", words[1]) + "\n" + turn.t("team.code.replaced", without.code()));
            } else {
                save(turn.tx(), without);
                turn.say(turn.t("team.removed", words[1]));
            }
        } else if (words[0].equalsIgnoreCase("invite")) {
            boolean fresh = words.length == 2 && (words[1].equalsIgnoreCase("new") || words[1].equals("新"));
            String code = m.code() != null && !fresh ? m.code() : newCode();
            save(turn.tx(), new Members(m.managerId(), m.reps(), code));
            turn.say(turn.t("team.invite", code));
        } else if (words[0].equalsIgnoreCase("digest")) {
            digest(turn);
        } else {
            turn.say(turn.t("team.list", m.reps().size(), m.reps().isEmpty() ? "—" : String.join(", ",
                    m.reps().stream().map(String::valueOf).toList())));
        }
    }

    private void join(Turn turn, String code) {
        java.time.Instant now = clock.instant();
        java.time.Instant until = coach.kam.audit.Guesses.joinBlockedUntil(turn.tx(), turn.userId(), now);
        if (until != null) {
            // five wrong codes within the hour: no more tries until the oldest is an hour old
            coach.kam.audit.Audit.record(turn.tx(), now, turn.userId(), "join.throttled", "");
            turn.say(turn.t("team.join.wait", Math.max(1, java.time.Duration.between(now, until).toMinutes())));
            return;
        }
        Optional<Members> team = code.isBlank() ? Optional.empty() : turn.tx().get(CODES, code.strip());
        if (team.isEmpty()) {
            wrongCode(turn.tx(), turn.userId(), now, "unknown code");
            turn.say(turn.t("team.join.unknown"));
            return;
        }
        Members current = members(turn.tx(), team.get().managerId()).orElse(team.get());
        if (!code.strip().equals(current.code())) {
            wrongCode(turn.tx(), turn.userId(), now, "replaced code of manager " + current.managerId());
            turn.say(turn.t("team.join.replaced"));
            return;
        }
        coach.kam.audit.Audit.record(turn.tx(), now, turn.userId(), "team.join",
                "manager " + current.managerId());
        save(turn.tx(), with(current, turn.userId(), true));
        turn.say(turn.t("team.joined"));
    }

    private static void wrongCode(Tx tx, long userId, java.time.Instant now, String detail) {
        coach.kam.audit.Guesses.wrongJoin(tx, userId, now);
        coach.kam.audit.Audit.record(tx, now, userId, "join.wrong", detail);
    }

    private void save(Tx tx, Members m) {
        tx.put(TEAMS, Long.toString(m.managerId()), m);
        if (m.code() != null) {
            tx.put(CODES, m.code(), m);
        }
    }

    private static Members with(Members m, long rep, boolean in) {
        Set<Long> reps = new TreeSet<>(m.reps());
        if (in) {
            reps.add(rep);
        } else {
            reps.remove(rep);
        }
        return new Members(m.managerId(), reps, m.code());
    }

    private String newCode() {
        String letters = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            out.append(letters.charAt(random.nextInt(letters.length())));
        }
        return out.toString();
    }

    /** The digest of every rep in the manager's team, said in the manager's turn. */
    void digest(Turn turn) {
        Optional<Members> m = members(turn.tx(), turn.userId());
        if (m.isEmpty() || m.get().reps().isEmpty()) {
            turn.say(turn.t("team.empty"));
            return;
        }
        StringBuilder out = new StringBuilder(turn.t("digest.title", m.get().reps().size()));
        for (long rep : m.get().reps()) {
            out.append("\n\n").append(repLine(turn, rep));
        }
        turn.say(out.toString());
    }

    private String repLine(Turn turn, long rep) {
        List<Account> all = accounts.list(turn.tx(), rep);
        Map<String, Integer> tiers = new TreeMap<>();
        List<String> stale = new ArrayList<>();
        int overdue = 0;
        for (Account a : all) {
            tiers.merge(overview.tierOrClass(turn, a), 1, Integer::sum);
            if (overview.daysPastCadence(turn, a).map(d -> d > 0).orElse(false)) {
                stale.add(a.name());
            }
            overdue += overview.overdueItems(turn, a);
        }
        String checkins = store.sentAll(turn.tx(), rep).stream().reduce((a, b) -> b)
                .map(s -> s.answered().size() + "/" + s.accounts().size()).orElse("—");
        StringBuilder line = new StringBuilder(turn.t("digest.rep", rep, all.size(), checkins));
        line.append('\n').append(turn.t("digest.tiers", tiers.isEmpty() ? "—" : String.join(" · ",
                tiers.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).toList())));
        if (!stale.isEmpty()) {
            line.append('\n').append(turn.t("digest.stale", stale.size(), Html.escape(String.join(", ",
                    stale.subList(0, Math.min(MAX_STALE_NAMES, stale.size()))))));
        }
        if (overdue > 0) {
            line.append('\n').append(turn.t("digest.overdue", overdue));
        }
        return line.toString();
    }
}
