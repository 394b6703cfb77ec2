package coach.kam.conversation.checkin;

import coach.kam.accounts.Account;
import coach.kam.accounts.Accounts;
import coach.kam.accounts.Note;
import coach.kam.checkin.Checkins;
import coach.kam.checkin.Reminders;
import coach.kam.conversation.Button;
import coach.kam.conversation.Conversation;
import coach.kam.conversation.Dialog;
import coach.kam.conversation.Turn;
import coach.kam.conversation.buttons.CheckinButtons;
import coach.kam.conversation.buttons.Owned;
import coach.kam.flows.Dates;
import coach.kam.text.Html;
import coach.kam.when.WhenParser;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The answers to a check-in's buttons: progress becomes a note, the next step a note and a
 * reminder, "no change" is counted, snooze leaves the account out until a day, for a reason.
 */
final class CheckinAnswers {
    private final Accounts accounts;
    private final Checkins checkins;
    private final WhenParser when;
    private final Reminders reminders;
    private final Owned owned;

    CheckinAnswers(Accounts accounts, Checkins checkins, WhenParser when, Reminders reminders) {
        this.accounts = accounts;
        this.owned = new Owned(accounts);
        this.checkins = checkins;
        this.when = when;
        this.reminders = reminders;
    }

    void register(Conversation.Builder b) {
        b.button(CheckinButtons.ANSWER, owned.account(this::pressed));
        b.waitingFor("checkin-progress", (turn, text, arg) -> progress(turn, text, arg));
        b.waitingFor("checkin-next", (turn, text, arg) -> nextStep(turn, text, arg));
        b.waitingFor("checkin-snooze-date", (turn, text, arg) -> snoozeDate(turn, text, arg));
        b.waitingFor("checkin-snooze-reason", (turn, text, arg) -> snoozed(turn, arg, text),
                (turn, reason, arg) -> snoozed(turn, arg, turn.t("checkin.reason." + reason)));
    }

    private void pressed(Turn turn, CheckinButtons.Answer pressed, Account a) {
        String ref = kept(a, pressed.week(), null);
        String name = Html.escape(a.name());
        switch (pressed.op()) {
            case "p" -> {
                turn.await("checkin-progress", ref);
                turn.say(turn.t("checkin.ask.progress", name));
            }
            case "n" -> {
                turn.await("checkin-next", ref);
                turn.say(turn.t("checkin.ask.next", name));
            }
            case "x" -> {
                checkins.answered(turn.tx(), turn.userId(), pressed.week(), a.id());
                turn.say(turn.t("checkin.same", name));
            }
            case "s" -> snoozeOptions(turn, a, pressed.week());
            // "until" is the day it comes back, so a week's snooze skips next week's check-in
            case "s1", "s2" -> askReason(turn, a, pressed.week(),
                    today(turn).plusWeeks(pressed.op().equals("s1") ? 1 : 2).plusDays(1));
            default -> { // "sd"
                turn.await("checkin-snooze-date", ref);
                turn.say(turn.t("checkin.ask.snooze.date", name));
            }
        }
    }

    private static String kept(Account a, String week, LocalDate until) {
        return CheckinButtons.WAITING.fieldsOf(new CheckinButtons.Waiting(a.id(), week, until));
    }

    /** What the question kept, with the presser's own account it names; otherwise "accounts.gone". */
    private Optional<Waiting> fromRef(Turn turn, String ref) {
        Optional<CheckinButtons.Waiting> kept = CheckinButtons.WAITING.decodeFields(ref);
        if (kept.isEmpty()) {
            turn.say(turn.t("accounts.gone"));
            return Optional.empty();
        }
        return owned.account(turn, kept.get().accountId()).map(account -> new Waiting(account, kept.get()));
    }

    private record Waiting(Account account, CheckinButtons.Waiting kept) {
    }

    private void progress(Turn turn, String text, String ref) {
        fromRef(turn, ref).ifPresent(w -> {
            Account a = w.account();
            accounts.addNote(turn.tx(), a, Note.text(a.id(), text, turn.now()));
            checkins.answered(turn.tx(), turn.userId(), w.kept().week(), a.id());
            turn.say(turn.t("note.saved", Html.escape(a.name())));
        });
    }

    /** "下周三下午两点 送样品" or "next Friday send the quote": a note and a reminder at that time. */
    private void nextStep(Turn turn, String text, String ref) {
        Optional<Waiting> w = fromRef(turn, ref);
        if (w.isEmpty()) {
            return;
        }
        Account a = w.get().account();
        WhenParser.Result r = when.parse(text, turn.zone());
        if (!(r instanceof WhenParser.Parsed p) || p.rest().isBlank()) {
            String reason = r instanceof WhenParser.Unclear u ? "remind.unclear." + u.reasonKey()
                    : r instanceof WhenParser.Parsed ? "checkin.next.what" : "checkin.next.when";
            turn.say(turn.t(reason, Html.escape(Html.shorten(text, 60))));
            turn.await("checkin-next", ref);
            return;
        }
        accounts.addNote(turn.tx(), a, Note.text(a.id(),
                turn.t("checkin.next.note", p.rest(), ReminderCommands.when(turn, p.at().toInstant())), turn.now()));
        Reminders.Reminder rem = reminders.add(turn.tx(), turn.userId(), a.id(), p.rest(), p.at().toInstant(), turn.now());
        checkins.answered(turn.tx(), turn.userId(), w.get().kept().week(), a.id());
        turn.say(turn.t("remind.set", ReminderCommands.when(turn, rem.due()), Html.escape(rem.text()))
                + "\n🏢 " + Html.escape(a.name()), List.of(List.of(ReminderCommands.cancelButton(turn, rem))));
    }

    private void snoozeOptions(Turn turn, Account a, String week) {
        turn.say(turn.t("checkin.snooze.until", Html.escape(a.name())), List.of(List.of(
                CheckinButtons.ANSWER.button(turn.t("checkin.btn.week1"), new CheckinButtons.Answer("s1", a.id(), week)),
                CheckinButtons.ANSWER.button(turn.t("checkin.btn.week2"), new CheckinButtons.Answer("s2", a.id(), week)),
                CheckinButtons.ANSWER.button(turn.t("checkin.btn.date"), new CheckinButtons.Answer("sd", a.id(), week)))));
    }

    private void snoozeDate(Turn turn, String text, String ref) {
        Optional<Waiting> w = fromRef(turn, ref);
        if (w.isEmpty()) {
            return;
        }
        Optional<LocalDate> until = Dates.parse(text, today(turn));
        if (until.isEmpty() || !until.get().isAfter(today(turn))) {
            turn.say(turn.t(until.isEmpty() ? "walk.bad.date" : "walk.bad.future"));
            turn.await("checkin-snooze-date", ref);
            return;
        }
        askReason(turn, w.get().account(), w.get().kept().week(), until.get());
    }

    private void askReason(Turn turn, Account a, String week, LocalDate until) {
        Dialog d = turn.await("checkin-snooze-reason", kept(a, week, until));
        List<List<Button>> rows = new ArrayList<>();
        for (String reason : List.of("busy", "waiting", "season", "paused")) {
            rows.add(List.of(turn.choice(d, turn.t("checkin.reason." + reason), "c", reason)));
        }
        turn.say(turn.t("checkin.ask.reason", Html.escape(a.name()), until), rows);
    }

    private void snoozed(Turn turn, String ref, String reason) {
        Optional<Waiting> w = fromRef(turn, ref);
        if (w.isEmpty() || w.get().kept().until() == null) {
            return;
        }
        Account a = w.get().account();
        LocalDate until = w.get().kept().until();
        checkins.snooze(turn.tx(), turn.userId(), a.id(), until, Html.shorten(reason.strip(), 200));
        checkins.answered(turn.tx(), turn.userId(), w.get().kept().week(), a.id());
        turn.say(turn.t("checkin.snoozed", Html.escape(a.name()), until, Html.escape(Html.shorten(reason, 200))));
    }

    private static LocalDate today(Turn turn) {
        return turn.now().atZone(turn.zone()).toLocalDate();
    }
}
