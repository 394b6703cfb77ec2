package coach.kam.conversation.checkin;

import coach.kam.conversation.Conversation;
import coach.kam.conversation.Reply;
import coach.kam.conversation.Turn;
import coach.kam.conversation.buttons.CheckinButtons;
import coach.kam.team.Team;
import coach.kam.text.Html;

/**
 * How a rep comes into a team: /join CODE (wrong codes are throttled), or the buttons under a
 * manager's invitation ({@link CheckinButtons#INVITATION}, accept or decline; only the invited
 * rep's press counts). The manager is told, and gets the Monday digest from then on.
 */
final class JoinCommands {
    private final Team team;
    private final RepTurns mail;

    JoinCommands(Team team, RepTurns mail) {
        this.team = team;
        this.mail = mail;
    }

    void register(Conversation.Builder b) {
        b.command("join", this::join);
        b.button(CheckinButtons.INVITATION, this::pressed);
    }

    private void join(Turn turn, String code) {
        team.seen(turn.tx(), turn.userId(), turn.event().displayName());
        Team.Result r = team.join(turn.tx(), turn.userId(), code, turn.now());
        switch (r.outcome()) {
            case WAIT -> turn.say(turn.t("team.join.wait", r.waitMinutes()));
            case UNKNOWN_CODE -> turn.say(turn.t("team.join.unknown"));
            case REPLACED_CODE -> turn.say(turn.t("team.join.replaced"));
            default -> joined(turn, r);
        }
    }

    private void joined(Turn turn, Team.Result r) {
        if (r.outcome() == Team.Outcome.SELF) {
            turn.say(turn.t("team.join.self"));
            return;
        }
        mail.digestFor(turn.tx(), r.managerId());
        turn.say(turn.t("team.joined", name(turn, r.managerId())));
        String rep = name(turn, turn.userId());
        mail.tell(turn.tx(), r.managerId(), t -> Reply.of(t.t("team.rep.joined", rep, turn.userId())));
    }

    /** Accepts or declines the invitation of the manager the press names (only one made to the presser counts). */
    private void pressed(Turn turn, CheckinButtons.Invitation pressed) {
        long manager = pressed.managerId();
        Team.Result r = team.answer(turn.tx(), turn.userId(), turn.event().displayName(), manager, pressed.accept(),
                turn.now());
        switch (r.outcome()) {
            case GONE -> turn.say(turn.t("team.invitation.gone"));
            case DECLINED -> {
                turn.say(turn.t("team.declined"));
                String rep = name(turn, turn.userId());
                mail.tell(turn.tx(), manager, t -> Reply.of(t.t("team.rep.declined", rep)));
            }
            default -> joined(turn, r);
        }
    }

    private String name(Turn turn, long id) {
        return Html.escape(team.name(turn.tx(), id));
    }
}
