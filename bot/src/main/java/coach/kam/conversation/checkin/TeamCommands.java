package coach.kam.conversation.checkin;

import coach.kam.conversation.Conversation;
import coach.kam.conversation.Reply;
import coach.kam.conversation.Turn;
import coach.kam.conversation.buttons.CheckinButtons;
import coach.kam.team.Team;
import coach.kam.team.TeamStore;
import coach.kam.text.Html;
import java.util.List;
import java.util.Optional;

/**
 * /team, as a manager and as a rep sees it. A manager invites a rep (/team add: the rep accepts
 * or declines with a button, see {@link JoinCommands}) or gives out a code (/team invite), removes
 * reps, lists the team and reads the digest (/team digest) or its chart. A rep sees their team and
 * manager (/team), can leave it, sets the name others see (/team name) and decides whether the
 * manager's export may carry their note texts (/team share on|off, off by default).
 */
public final class TeamCommands {
    private final Team team;
    private final DigestText digest;
    private final RepTurns mail;

    /** What "/team chart" does, given the turn (the chart is drawn by the chart commands). */
    private java.util.function.Consumer<Object> chart = turn -> { };

    TeamCommands(Team team, DigestText digest, RepTurns mail) {
        this.team = team;
        this.digest = digest;
        this.mail = mail;
    }

    void charting(java.util.function.Consumer<Object> c) {
        this.chart = c;
    }

    public void register(Conversation.Builder b) {
        b.command("team", this::command);
    }

    private void command(Turn turn, String args) {
        team.seen(turn.tx(), turn.userId(), turn.event().displayName());
        String[] words = args.strip().split("\\s+", 2);
        String verb = words[0].toLowerCase(java.util.Locale.ROOT);
        String rest = words.length > 1 ? words[1].strip() : "";
        switch (verb) {
            case "name", "名字" -> name(turn, rest);
            case "leave", "退出" -> leave(turn);
            case "share", "分享" -> share(turn, rest);
            default -> {
                if (!team.isManager(turn.userId()) && !verb.isEmpty()) {
                    turn.say(turn.t("team.managers.only") + "\n" + turn.t("team.rep.commands"));
                } else if (!team.isManager(turn.userId())) {
                    repView(turn);
                } else {
                    managerCommand(turn, verb, rest);
                }
            }
        }
    }

    private void managerCommand(Turn turn, String verb, String rest) {
        boolean id = rest.matches("\\d{1,18}");
        switch (verb) {
            case "add", "加" -> {
                if (id) {
                    invite(turn, Long.parseLong(rest));
                } else {
                    turn.say(turn.t("team.usage"));
                }
            }
            case "remove", "移除" -> {
                if (id) {
                    remove(turn, Long.parseLong(rest));
                } else {
                    turn.say(turn.t("team.usage"));
                }
            }
            case "invite", "邀请" -> {
                boolean fresh = rest.equalsIgnoreCase("new") || rest.equals("新");
                turn.say(turn.t("team.invite", team.code(turn.tx(), turn.userId(), fresh)));
            }
            case "digest", "周报" -> digest.now(turn);
            case "chart", "图表", "图" -> chart.accept(turn);
            default -> list(turn, team.members(turn.tx(), turn.userId()));
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
        String name = team.name(turn.tx(), id);
        return name.equals(Long.toString(id)) ? name : Html.escape(name) + " (" + id + ")";
    }

    private String escapedName(Turn turn, long id) {
        return Html.escape(team.name(turn.tx(), id));
    }

    private void invite(Turn turn, long rep) {
        Team.Result r = team.invite(turn.tx(), turn.userId(), rep);
        if (r.outcome() == Team.Outcome.ALREADY) {
            turn.say(turn.t("team.already", escapedName(turn, rep)));
            return;
        }
        String manager = escapedName(turn, turn.userId());
        boolean sent = mail.tell(turn.tx(), rep, t -> new Reply(t.t("team.invitation", manager),
                List.of(List.of(
                        CheckinButtons.INVITATION.button(t.t("team.btn.accept"), new CheckinButtons.Invitation(true, turn.userId())),
                        CheckinButtons.INVITATION.button(t.t("team.btn.decline"),
                                new CheckinButtons.Invitation(false, turn.userId()))))));
        turn.say(turn.t(sent ? "team.invited" : "team.invited.unreachable", rep, r.code()));
    }

    private void remove(Turn turn, long rep) {
        Team.Result r = team.remove(turn.tx(), turn.userId(), rep);
        if (r.outcome() == Team.Outcome.NOT_MEMBER) {
            turn.say(turn.t("team.not.member", rep));
            return;
        }
        turn.say(turn.t("team.removed", escapedName(turn, rep))
                + (r.code() != null ? "\n" + turn.t("team.code.replaced", r.code()) : ""));
        if (r.wasMember()) {
            String manager = escapedName(turn, turn.userId());
            mail.tell(turn.tx(), rep, t -> Reply.of(t.t("team.you.removed", manager)));
        }
    }

    private void repView(Turn turn) {
        Optional<Long> manager = team.managerOf(turn.tx(), turn.userId());
        if (manager.isEmpty()) {
            turn.say(turn.t("team.rep.none"));
            return;
        }
        boolean sharing = team.shares(turn.tx(), turn.userId());
        turn.say(turn.t("team.rep.view", escapedName(turn, manager.get()),
                turn.t(sharing ? "team.share.state.on" : "team.share.state.off")));
    }

    private void leave(Turn turn) {
        Optional<Long> left = team.leave(turn.tx(), turn.userId());
        if (left.isEmpty()) {
            turn.say(turn.t("team.rep.none"));
            return;
        }
        turn.say(turn.t("team.left", escapedName(turn, left.get())));
        String rep = escapedName(turn, turn.userId());
        mail.tell(turn.tx(), left.get(), t -> Reply.of(t.t("team.rep.left", rep, turn.userId())));
    }

    private void share(Turn turn, String rest) {
        if (team.managerOf(turn.tx(), turn.userId()).isEmpty()) {
            turn.say(turn.t("team.rep.none"));
            return;
        }
        String r = rest.toLowerCase(java.util.Locale.ROOT);
        boolean on = r.equals("on") || r.equals("开") || r.equals("yes");
        if (!on && !(r.equals("off") || r.equals("关") || r.equals("no"))) {
            turn.say(turn.t("team.share.usage"));
            return;
        }
        team.share(turn.tx(), turn.userId(), on);
        turn.say(turn.t(on ? "team.share.on" : "team.share.off"));
    }

    private void name(Turn turn, String rest) {
        if (!team.rename(turn.tx(), turn.userId(), rest)) {
            turn.say(turn.t("team.name.usage"));
            return;
        }
        turn.say(turn.t("team.name.set", escapedName(turn, turn.userId())));
    }
}
