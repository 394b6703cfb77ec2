package coach.kam.checkin;

import coach.kam.accounts.Accounts;
import coach.kam.conversation.Button;
import coach.kam.conversation.Conversation;
import coach.kam.text.Html;
import coach.kam.conversation.Reply;
import coach.kam.conversation.Turn;
import coach.kam.conversation.commands.AccountOverview;
import coach.kam.store.Tx;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Teams, as a manager and as a rep sees them. A manager invites a rep (/team add: the rep accepts
 * or declines with a button) or gives out a code (/team invite; reps send /join CODE), removes
 * reps and reads the Monday digest. A rep sees their team and manager (/team), can leave it, and
 * decides whether the manager's export may carry their note texts (/team share on|off, off by
 * default). The digest shows counts, tiers, account names and overdue item titles, never what a
 * rep wrote.
 *
 * <p>Removing a rep, or /team invite new, replaces the join code, so a removed rep cannot join
 * again with the code they had.
 */
public final class Team {
    private final Set<Long> managers;
    private final TeamStore store;
    private final Digest digest;
    private final SecureRandom random = new SecureRandom();
    private Scheduler mail;

    /** Dates wrong /join codes, which are throttled per rep per hour. */
    private final java.time.Clock clock;

    Team(Set<Long> managers, Accounts accounts, AccountOverview overview, CheckinStore checkins, java.time.Clock clock) {
        this.clock = clock;
        this.store = new TeamStore(clock);
        this.managers = Set.copyOf(managers);
        this.digest = new Digest(accounts, overview, checkins, store);
    }

    /** Adds each rep's pipeline to the digest. */
    void withDeals(coach.kam.deals.Deals deals, coach.kam.deals.Stages stages, coach.kam.targets.Targets targets) {
        digest.withDeals(deals, stages, targets);
    }

    /** What "/team chart" does, given the turn (the chart is drawn on the chat side). */
    private java.util.function.Consumer<Object> chart = turn -> { };

    void charting(java.util.function.Consumer<Object> c) {
        this.chart = c;
    }

    /** The reps a manager follows with the names the digest uses; empty for anyone who is not a manager. */
    List<Map.Entry<Long, String>> reps(Tx tx, long managerId) {
        if (!managers.contains(managerId)) {
            return List.of();
        }
        return store.members(tx, managerId).map(m -> m.reps().stream().sorted()
                .map(r -> Map.entry(r, store.name(tx, r))).toList()).orElse(List.of());
    }

    void wording(Digest.Words w) {
        digest.wording(w);
    }

    void namingObjections(java.util.function.BiFunction<String, String, String> titles) {
        digest.namingObjections(titles);
    }

    /** Where messages to other people (invitations, "X left your team") go. */
    void mailVia(Scheduler scheduler) {
        this.mail = scheduler;
    }

    public void register(Conversation.Builder b) {
        b.command("team", this::command);
        b.command("join", this::join);
        b.button("tm", this::pressed);
    }

    boolean isManager(long userId) {
        return managers.contains(userId);
    }

    boolean leads(Tx tx, long managerId) {
        return store.members(tx, managerId).map(m -> !m.reps().isEmpty()).orElse(false);
    }

    /** Whether {@code rep} lets their team's manager export their note texts. */
    public boolean shares(Tx tx, long rep) {
        return store.team(tx, rep).flatMap(t -> store.members(tx, t.managerId()))
                .map(m -> m.sharing().contains(rep)).orElse(false);
    }

    private void command(Turn turn, String args) {
        store.seen(turn.tx(), turn.userId(), turn.event().displayName());
        String[] words = args.strip().split("\\s+", 2);
        String verb = words[0].toLowerCase(java.util.Locale.ROOT);
        String rest = words.length > 1 ? words[1].strip() : "";
        switch (verb) {
            case "name", "名字" -> name(turn, rest);
            case "leave", "退出" -> leave(turn);
            case "share", "分享" -> share(turn, rest);
            default -> {
                if (!isManager(turn.userId()) && !verb.isEmpty()) {
                    turn.say(turn.t("team.managers.only") + "\n" + turn.t("team.rep.commands"));
                } else if (!isManager(turn.userId())) {
                    repView(turn);
                } else {
                    managerCommand(turn, verb, rest);
                }
            }
        }
    }

    private void managerCommand(Turn turn, String verb, String rest) {
        TeamStore.Members m = store.membersOrNew(turn.tx(), turn.userId());
        boolean id = rest.matches("\\d{1,18}");
        switch (verb) {
            case "add", "加" -> {
                if (id) {
                    invite(turn, m, Long.parseLong(rest));
                } else {
                    turn.say(turn.t("team.usage"));
                }
            }
            case "remove", "移除" -> {
                if (id) {
                    remove(turn, m, Long.parseLong(rest));
                } else {
                    turn.say(turn.t("team.usage"));
                }
            }
            case "invite", "邀请" -> {
                boolean fresh = rest.equalsIgnoreCase("new") || rest.equals("新");
                TeamStore.Members coded = m.code() != null && !fresh ? m : m.withCode(newCode());
                store.save(turn.tx(), m, coded);
                turn.say(turn.t("team.invite", coded.code()));
            }
            case "digest", "周报" -> turn.say(digest.render(turn, m));
            case "chart", "图表", "图" -> chart.accept(turn);
            default -> list(turn, m);
        }
    }

    private void list(Turn turn, TeamStore.Members m) {
        StringBuilder who = new StringBuilder();
        for (long rep : m.reps()) {
            who.append("\n• ").append(named(turn, rep)).append(m.sharing().contains(rep) ? " · " + turn.t("team.sharing") : "");
        }
        for (long rep : m.invited()) {
            who.append("\n• ").append(named(turn, rep)).append(" · ").append(turn.t("team.invited.mark"));
        }
        turn.say(turn.t("team.list", m.reps().size(), who.length() == 0 ? "—" : who.toString()));
    }

    /** "Name (id)", or the id alone when no name is known. */
    private String named(Turn turn, long id) {
        String name = store.name(turn.tx(), id);
        return name.equals(Long.toString(id)) ? name : Html.escape(name) + " (" + id + ")";
    }

    private void invite(Turn turn, TeamStore.Members m, long rep) {
        if (m.reps().contains(rep)) {
            turn.say(turn.t("team.already", Html.escape(store.name(turn.tx(), rep))));
            return;
        }
        TeamStore.Members coded = m.code() != null ? m : m.withCode(newCode());
        store.save(turn.tx(), m, coded.withInvited(rep, true));
        String manager = Html.escape(store.name(turn.tx(), turn.userId()));
        boolean sent = mail != null && mail.tell(turn.tx(), rep, t -> new Reply(t.t("team.invitation", manager),
                List.of(List.of(new Button(t.t("team.btn.accept"), "tm:y:" + turn.userId()),
                        new Button(t.t("team.btn.decline"), "tm:n:" + turn.userId())))));
        turn.say(turn.t(sent ? "team.invited" : "team.invited.unreachable", rep, coded.code()));
    }

    private void remove(Turn turn, TeamStore.Members m, long rep) {
        if (!m.reps().contains(rep) && !m.invited().contains(rep)) {
            turn.say(turn.t("team.not.member", rep));
            return;
        }
        TeamStore.Members without = m.withRep(rep, false);
        if (m.reps().contains(rep) && m.code() != null) {
            // the code the removed rep knows stops working
            without = without.withCode(newCode());
        }
        store.save(turn.tx(), m, without);
        String name = Html.escape(store.name(turn.tx(), rep));
        turn.say(turn.t("team.removed", name) + (without.code() != null && !without.code().equals(m.code())
                ? "\n" + turn.t("team.code.replaced", without.code()) : ""));
        if (m.reps().contains(rep) && mail != null) {
            String manager = Html.escape(store.name(turn.tx(), turn.userId()));
            mail.tell(turn.tx(), rep, t -> Reply.of(t.t("team.you.removed", manager)));
        }
    }

    private void repView(Turn turn) {
        Optional<TeamStore.Membership> team = store.team(turn.tx(), turn.userId());
        if (team.isEmpty()) {
            turn.say(turn.t("team.rep.none"));
            return;
        }
        boolean sharing = shares(turn.tx(), turn.userId());
        turn.say(turn.t("team.rep.view", Html.escape(store.name(turn.tx(), team.get().managerId())),
                turn.t(sharing ? "team.share.state.on" : "team.share.state.off")));
    }

    private void leave(Turn turn) {
        Optional<TeamStore.Membership> team = store.team(turn.tx(), turn.userId());
        if (team.isEmpty()) {
            turn.say(turn.t("team.rep.none"));
            return;
        }
        long managerId = team.get().managerId();
        TeamStore.Members m = store.membersOrNew(turn.tx(), managerId);
        store.save(turn.tx(), m, m.withRep(turn.userId(), false));
        turn.say(turn.t("team.left", Html.escape(store.name(turn.tx(), managerId))));
        if (mail != null) {
            String rep = Html.escape(store.name(turn.tx(), turn.userId()));
            mail.tell(turn.tx(), managerId, t -> Reply.of(t.t("team.rep.left", rep, turn.userId())));
        }
    }

    private void share(Turn turn, String rest) {
        Optional<TeamStore.Membership> team = store.team(turn.tx(), turn.userId());
        if (team.isEmpty()) {
            turn.say(turn.t("team.rep.none"));
            return;
        }
        String r = rest.toLowerCase(java.util.Locale.ROOT);
        boolean on = r.equals("on") || r.equals("开") || r.equals("yes");
        if (!on && !(r.equals("off") || r.equals("关") || r.equals("no"))) {
            turn.say(turn.t("team.share.usage"));
            return;
        }
        TeamStore.Members m = store.membersOrNew(turn.tx(), team.get().managerId());
        store.save(turn.tx(), m, m.withSharing(turn.userId(), on));
        turn.say(turn.t(on ? "team.share.on" : "team.share.off"));
    }

    private void name(Turn turn, String rest) {
        if (TeamStore.clean(rest) == null) {
            turn.say(turn.t("team.name.usage"));
            return;
        }
        store.choose(turn.tx(), turn.userId(), rest);
        turn.say(turn.t("team.name.set", Html.escape(store.name(turn.tx(), turn.userId()))));
    }

    private void join(Turn turn, String code) {
        store.seen(turn.tx(), turn.userId(), turn.event().displayName());
        java.time.Instant now = clock.instant();
        java.time.Instant until = coach.kam.audit.Guesses.joinBlockedUntil(turn.tx(), turn.userId(), now);
        if (until != null) {
            // five wrong codes within the hour: no more tries until the oldest is an hour old
            coach.kam.audit.Audit.record(turn.tx(), now, turn.userId(), "join.throttled", "");
            turn.say(turn.t("team.join.wait", Math.max(1, java.time.Duration.between(now, until).toMinutes())));
            return;
        }
        Optional<TeamStore.Members> team = code.isBlank() ? Optional.empty() : store.byCode(turn.tx(), code.strip());
        if (team.isEmpty()) {
            wrongCode(turn.tx(), turn.userId(), now, "unknown code");
            turn.say(turn.t("team.join.unknown"));
            return;
        }
        TeamStore.Members current = store.membersOrNew(turn.tx(), team.get().managerId());
        if (!code.strip().equals(current.code())) {
            wrongCode(turn.tx(), turn.userId(), now, "replaced code of manager " + current.managerId());
            turn.say(turn.t("team.join.replaced"));
            return;
        }
        joined(turn, current);
    }

    private void joined(Turn turn, TeamStore.Members team) {
        if (team.managerId() == turn.userId()) {
            turn.say(turn.t("team.join.self"));
            return;
        }
        coach.kam.audit.Audit.record(turn.tx(), turn.now(), turn.userId(), "team.join", "manager " + team.managerId());
        store.save(turn.tx(), team, team.withRep(turn.userId(), true));
        if (mail != null) {
            mail.digestFor(turn.tx(), team.managerId());
        }
        String manager = Html.escape(store.name(turn.tx(), team.managerId()));
        turn.say(turn.t("team.joined", manager));
        if (mail != null) {
            String rep = Html.escape(store.name(turn.tx(), turn.userId()));
            mail.tell(turn.tx(), team.managerId(), t -> Reply.of(t.t("team.rep.joined", rep, turn.userId())));
        }
    }

    private static void wrongCode(Tx tx, long userId, java.time.Instant now, String detail) {
        coach.kam.audit.Guesses.wrongJoin(tx, userId, now);
        coach.kam.audit.Audit.record(tx, now, userId, "join.wrong", detail);
    }

    /** tm:y:MANAGER accepts an invitation, tm:n:MANAGER declines it; only the invited rep's press counts. */
    private void pressed(Turn turn, String[] args) {
        Optional<TeamStore.Members> team = args.length == 2 && args[1].matches("\\d{1,18}")
                ? store.members(turn.tx(), Long.parseLong(args[1])) : Optional.empty();
        if (team.isEmpty() || !team.get().invited().contains(turn.userId())) {
            turn.say(turn.t("team.invitation.gone"));
            return;
        }
        store.seen(turn.tx(), turn.userId(), turn.event().displayName());
        if (args[0].equals("y")) {
            joined(turn, team.get());
        } else {
            store.save(turn.tx(), team.get(), team.get().withInvited(turn.userId(), false));
            turn.say(turn.t("team.declined"));
            if (mail != null) {
                String rep = Html.escape(store.name(turn.tx(), turn.userId()));
                mail.tell(turn.tx(), team.get().managerId(), t -> Reply.of(t.t("team.rep.declined", rep)));
            }
        }
    }

    private String newCode() {
        String letters = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            out.append(letters.charAt(random.nextInt(letters.length())));
        }
        return out.toString();
    }

    /** The digest said in the manager's turn (on request). */
    void digest(Turn turn) {
        turn.say(digest.render(turn, store.membersOrNew(turn.tx(), turn.userId())));
    }

    /** The scheduled Monday digest: sent once per week, also across restarts. */
    void weeklyDigest(Turn turn) {
        digest.weekly(turn, store.membersOrNew(turn.tx(), turn.userId()));
    }
}
