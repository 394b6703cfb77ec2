package coach.kam.conversation.checkin;

import coach.kam.checkin.Checkins;
import coach.kam.checkin.Nudges;
import coach.kam.conversation.Button;
import coach.kam.conversation.Turn;
import coach.kam.conversation.buttons.AccountButtons;
import coach.kam.conversation.buttons.CheckinButtons;
import coach.kam.conversation.buttons.SettingButtons;
import coach.kam.text.Html;
import java.util.ArrayList;
import java.util.List;

/**
 * The weekly check-in and the daily nudge as said in a rep's turn: each focus account with its
 * tier, days since contact and what is late, with buttons to add progress, set the next step, say
 * nothing changed or snooze; the nudge's accounts with why, each a button to open it.
 */
final class CheckinText {
    private final Checkins checkins;

    CheckinText(Checkins checkins) {
        this.checkins = checkins;
    }

    /**
     * Says this week's check-in in the turn and records it. Said again in the same week (/checkin),
     * it keeps the answers already given and marks those accounts ✅.
     */
    void week(Turn turn) {
        Checkins.Week w = checkins.take(turn.tx(), turn.userId(), turn.now(), turn.zone());
        StringBuilder out = new StringBuilder(turn.t("checkin.title", w.week()));
        if (w.missedLast()) {
            out.append('\n').append(turn.t("checkin.missed"));
        }
        if (w.focus().isEmpty()) {
            out.append('\n').append(turn.t(w.hasAccounts() ? "checkin.all.snoozed" : "checkin.no.accounts"));
            turn.say(out.toString());
            return;
        }
        out.append('\n').append(turn.t("checkin.intro"));
        List<List<Button>> rows = new ArrayList<>();
        for (Checkins.Focus f : w.focus()) {
            out.append("\n• ").append(w.answered().contains(f.account().id()) ? "✅ " : "").append("<b>")
                    .append(Html.escape(f.account().name())).append("</b>");
            if (!"–".equals(f.tier())) {
                out.append(" · ").append(f.tier());
            }
            f.daysSince().ifPresentOrElse(d -> out.append(" · ").append(turn.t("checkin.days.since", d)),
                    () -> out.append(" · ").append(turn.t("checkin.no.contact")));
            if (f.late() > 0) {
                out.append(" · ⚠️ ").append(turn.t("review.late", f.late()));
            }
            if (f.overdue() > 0) {
                out.append(" · ").append(turn.t("checkin.overdue", f.overdue()));
            }
            if (f.lateDeals() > 0) {
                out.append(" · ").append(turn.t("checkin.deals.late", f.lateDeals()));
            }
            long id = f.account().id();
            rows.add(List.of(answer("➕ " + Html.shorten(f.account().name(), 12), "p", id, w.week()),
                    answer(turn.t("checkin.btn.next"), "n", id, w.week()),
                    answer(turn.t("checkin.btn.same"), "x", id, w.week()),
                    answer("💤", "s", id, w.week())));
        }
        rows.add(List.of(SettingButtons.PRACTICE.button(turn.t("practice.checkin.button"), new SettingButtons.Choice("go"))));
        turn.say(out.toString(), rows);
    }

    private static Button answer(String label, String op, long accountId, String week) {
        return CheckinButtons.ANSWER.button(label, new CheckinButtons.Answer(op, accountId, week));
    }

    /** Says the day's nudge, when it names anything. */
    void nudge(Turn turn, List<Nudges.Line> lines) {
        if (lines.isEmpty()) {
            return;
        }
        List<String> said = new ArrayList<>();
        List<List<Button>> rows = new ArrayList<>();
        for (Nudges.Line l : lines) {
            List<String> why = l.why().stream().map(w -> reason(turn, w)).toList();
            said.add("• <b>" + Html.escape(l.account().name()) + "</b>: " + String.join(", ", why));
            rows.add(List.of(AccountButtons.OPEN.button(l.account().name(), new AccountButtons.Pick(l.account().id()))));
        }
        turn.say(turn.t("nudge.title") + "\n" + String.join("\n", said), rows);
    }

    private static String reason(Turn turn, Nudges.Why w) {
        return switch (w.reason()) {
            case STALE -> turn.t("nudge.stale", w.count());
            case OVERDUE -> turn.t("checkin.overdue", (int) w.count());
            case EVALUATION -> turn.t("nudge.evaluation");
        };
    }
}
