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

    CheckinAnswers(Accounts accounts, Checkins checkins, WhenParser when, Reminders reminders) {
        this.accounts = accounts;
        this.checkins = checkins;
        this.when = when;
        this.reminders = reminders;
    }

    void register(Conversation.Builder b) {
        b.button("ci", this::pressed);
        b.waitingFor("checkin-progress", (turn, text, arg) -> progress(turn, text, arg));
        b.waitingFor("checkin-next", (turn, text, arg) -> nextStep(turn, text, arg));
        b.waitingFor("checkin-snooze-date", (turn, text, arg) -> snoozeDate(turn, text, arg));
        b.waitingFor("checkin-snooze-reason", (turn, text, arg) -> snoozed(turn, arg, text),
                (turn, reason, arg) -> snoozed(turn, arg, turn.t("checkin.reason." + reason)));
    }

    /** "ci:<op>:<account>:<week>" */
    private void pressed(Turn turn, String[] args) {
        Optional<Account> a = args.length == 3 && args[1].matches("\\d{1,18}") && args[2].matches("\\d{4}-W\\d{2}")
                ? accounts.get(turn.tx(), turn.userId(), Long.parseLong(args[1])) : Optional.empty();
        if (a.isEmpty()) {
            turn.say(turn.t("accounts.gone"));
            return;
        }
        String ref = a.get().id() + ":" + args[2];
        String name = Html.escape(a.get().name());
        switch (args[0]) {
            case "p" -> {
                turn.await("checkin-progress", ref);
                turn.say(turn.t("checkin.ask.progress", name));
            }
            case "n" -> {
                turn.await("checkin-next", ref);
                turn.say(turn.t("checkin.ask.next", name));
            }
            case "x" -> {
                checkins.answered(turn.tx(), turn.userId(), args[2], a.get().id());
                turn.say(turn.t("checkin.same", name));
            }
            case "s" -> snoozeOptions(turn, a.get(), args[2]);
            // "until" is the day it comes back, so a week's snooze skips next week's check-in
            case "s1", "s2" -> askReason(turn, a.get(), args[2],
                    today(turn).plusWeeks(args[0].equals("s1") ? 1 : 2).plusDays(1));
            case "sd" -> {
                turn.await("checkin-snooze-date", ref);
                turn.say(turn.t("checkin.ask.snooze.date", name));
            }
            default -> turn.say(turn.t("button.unknown"));
        }
    }

    private Optional<Account> fromRef(Turn turn, String ref) {
        String[] parts = ref == null ? new String[0] : ref.split(":");
        Optional<Account> a = parts.length >= 2 && parts[0].matches("\\d{1,18}")
                ? accounts.get(turn.tx(), turn.userId(), Long.parseLong(parts[0])) : Optional.empty();
        if (a.isEmpty()) {
            turn.say(turn.t("accounts.gone"));
        }
        return a;
    }

    private void progress(Turn turn, String text, String ref) {
        fromRef(turn, ref).ifPresent(a -> {
            accounts.addNote(turn.tx(), a, Note.text(a.id(), text, turn.now()));
            checkins.answered(turn.tx(), turn.userId(), ref.split(":")[1], a.id());
            turn.say(turn.t("note.saved", Html.escape(a.name())));
        });
    }

    /** "下周三下午两点 送样品" or "next Friday send the quote": a note and a reminder at that time. */
    private void nextStep(Turn turn, String text, String ref) {
        Optional<Account> a = fromRef(turn, ref);
        if (a.isEmpty()) {
            return;
        }
        WhenParser.Result r = when.parse(text, turn.zone());
        if (!(r instanceof WhenParser.Parsed p) || p.rest().isBlank()) {
            String reason = r instanceof WhenParser.Unclear u ? "remind.unclear." + u.reasonKey()
                    : r instanceof WhenParser.Parsed ? "checkin.next.what" : "checkin.next.when";
            turn.say(turn.t(reason, Html.escape(Html.shorten(text, 60))));
            turn.await("checkin-next", ref);
            return;
        }
        accounts.addNote(turn.tx(), a.get(), Note.text(a.get().id(),
                turn.t("checkin.next.note", p.rest(), ReminderCommands.when(turn, p.at().toInstant())), turn.now()));
        Reminders.Reminder rem = reminders.add(turn.tx(), turn.userId(), a.get().id(), p.rest(), p.at().toInstant(), turn.now());
        checkins.answered(turn.tx(), turn.userId(), ref.split(":")[1], a.get().id());
        turn.say(turn.t("remind.set", ReminderCommands.when(turn, rem.due()), Html.escape(rem.text()))
                + "\n🏢 " + Html.escape(a.get().name()),
                List.of(List.of(new Button(turn.t("remind.btn.cancel"), "rem:x:" + rem.id()))));
    }

    private void snoozeOptions(Turn turn, Account a, String week) {
        String data = a.id() + ":" + week;
        turn.say(turn.t("checkin.snooze.until", Html.escape(a.name())), List.of(List.of(
                new Button(turn.t("checkin.btn.week1"), "ci:s1:" + data),
                new Button(turn.t("checkin.btn.week2"), "ci:s2:" + data),
                new Button(turn.t("checkin.btn.date"), "ci:sd:" + data))));
    }

    private void snoozeDate(Turn turn, String text, String ref) {
        Optional<Account> a = fromRef(turn, ref);
        if (a.isEmpty()) {
            return;
        }
        Optional<LocalDate> until = Dates.parse(text, today(turn));
        if (until.isEmpty() || !until.get().isAfter(today(turn))) {
            turn.say(turn.t(until.isEmpty() ? "walk.bad.date" : "walk.bad.future"));
            turn.await("checkin-snooze-date", ref);
            return;
        }
        askReason(turn, a.get(), ref.split(":")[1], until.get());
    }

    private void askReason(Turn turn, Account a, String week, LocalDate until) {
        Dialog d = turn.await("checkin-snooze-reason", a.id() + ":" + week + ":" + until);
        List<List<Button>> rows = new ArrayList<>();
        for (String reason : List.of("busy", "waiting", "season", "paused")) {
            rows.add(List.of(turn.choice(d, turn.t("checkin.reason." + reason), "c", reason)));
        }
        turn.say(turn.t("checkin.ask.reason", Html.escape(a.name()), until), rows);
    }

    private void snoozed(Turn turn, String ref, String reason) {
        String[] parts = ref == null ? new String[0] : ref.split(":");
        Optional<Account> a = fromRef(turn, ref);
        if (a.isEmpty() || parts.length != 3) {
            return;
        }
        LocalDate until = LocalDate.parse(parts[2]);
        checkins.snooze(turn.tx(), turn.userId(), a.get().id(), until, Html.shorten(reason.strip(), 200));
        checkins.answered(turn.tx(), turn.userId(), parts[1], a.get().id());
        turn.say(turn.t("checkin.snoozed", Html.escape(a.get().name()), until, Html.escape(Html.shorten(reason, 200))));
    }

    private static LocalDate today(Turn turn) {
        return turn.now().atZone(turn.zone()).toLocalDate();
    }
}
