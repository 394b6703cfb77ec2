package coach.kam.checkin;

import coach.kam.accounts.Account;
import coach.kam.accounts.Accounts;
import coach.kam.accounts.Note;
import coach.kam.conversation.Button;
import coach.kam.conversation.Conversation;
import coach.kam.conversation.Dialog;
import coach.kam.text.Html;
import coach.kam.conversation.Turn;
import coach.kam.flows.Dates;
import coach.kam.when.WhenParser;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * /checkin and the answers to a check-in: progress becomes a note, the next step a note and a
 * reminder, "no change" is counted, snooze leaves the account out until a day. Also the check-in
 * day and time in /settings.
 */
public final class CheckinCommands {
    private static final List<String> TIMES = List.of("0800", "0900", "1000", "1300", "1700");
    private final Accounts accounts;
    private final Checkins checkins;
    private final CheckinStore store;
    private final Scheduler scheduler;
    private final WhenParser when;
    private final Reminders reminders;

    CheckinCommands(Accounts accounts, Checkins checkins, CheckinStore store, Scheduler scheduler, WhenParser when,
                    Reminders reminders) {
        this.accounts = accounts;
        this.checkins = checkins;
        this.store = store;
        this.scheduler = scheduler;
        this.when = when;
        this.reminders = reminders;
    }

    public void register(Conversation.Builder b) {
        b.command("checkin", (turn, args) -> checkins.send(turn));
        b.button("ci", this::pressed);
        b.waitingFor("checkin-progress", (turn, text, arg) -> progress(turn, text, arg));
        b.waitingFor("checkin-next", (turn, text, arg) -> nextStep(turn, text, arg));
        b.waitingFor("checkin-snooze-date", (turn, text, arg) -> snoozeDate(turn, text, arg));
        b.waitingFor("checkin-snooze-reason", (turn, text, arg) -> snoozed(turn, arg, text),
                (turn, reason, arg) -> snoozed(turn, arg, turn.t("checkin.reason." + reason)));
        b.button("cis", this::settingsPressed);
        b.waitingFor("checkin-time", (turn, text, arg) -> timeTyped(turn, text, arg));
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
                checkins.answered(turn, args[2], a.get().id());
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
            checkins.answered(turn, ref.split(":")[1], a.id());
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
        checkins.answered(turn, ref.split(":")[1], a.get().id());
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
        store.putSnooze(turn.tx(), turn.userId(), new CheckinStore.Snooze(a.get().id(), until,
                Html.shorten(reason.strip(), 200)));
        checkins.answered(turn, parts[1], a.get().id());
        turn.say(turn.t("checkin.snoozed", Html.escape(a.get().name()), until, Html.escape(Html.shorten(reason, 200))));
    }

    /** The check-in line and button of /settings. */
    public void settings(Turn turn) {
        CheckinStore.Prefs p = scheduler.prefs(turn);
        turn.say(turn.t("checkin.settings", dayName(turn, p.day()), p.time()),
                List.of(List.of(new Button(turn.t("checkin.btn.change"), "cis:d"))));
    }

    /** "cis:d" shows the days, "cis:d:<1-7>" the times for that day, "cis:t:<day>:<HHmm>" sets both. */
    private void settingsPressed(Turn turn, String[] args) {
        boolean days = args.length == 1 && args[0].equals("d");
        if (days || (args.length == 2 && args[0].equals("d") && args[1].matches("[1-7]"))) {
            // what is typed at the day buttons (no day yet) or at a day's time buttons is read as the answer
            turn.await("checkin-time", days ? null : args[1]);
        }
        if (args.length == 1 && args[0].equals("d")) {
            List<List<Button>> rows = new ArrayList<>();
            List<Button> row = new ArrayList<>();
            for (DayOfWeek d : DayOfWeek.values()) {
                row.add(new Button(dayName(turn, d), "cis:d:" + d.getValue()));
                if (row.size() == 4) {
                    rows.add(row);
                    row = new ArrayList<>();
                }
            }
            rows.add(row);
            turn.say(turn.t("checkin.ask.day"), rows);
        } else if (args.length == 2 && args[0].equals("d") && args[1].matches("[1-7]")) {
            List<Button> row = new ArrayList<>();
            TIMES.forEach(t -> row.add(new Button(t.substring(0, 2) + ":" + t.substring(2), "cis:t:" + args[1] + ":" + t)));
            turn.say(turn.t("checkin.ask.time"), List.of(row));
        } else if (args.length == 3 && args[0].equals("t") && args[1].matches("[1-7]") && TIMES.contains(args[2])) {
            set(turn, DayOfWeek.of(Integer.parseInt(args[1])),
                    LocalTime.of(Integer.parseInt(args[2].substring(0, 2)), Integer.parseInt(args[2].substring(2))));
        } else {
            turn.say(turn.t("button.unknown"));
        }
    }

    /** A time typed at the time buttons of {@code day}, or (day null) a day and time typed at the day buttons. */
    private void timeTyped(Turn turn, String text, String day) {
        boolean atDays = day == null || !day.matches("[1-7]");
        Optional<DayOfWeek> typedDay = atDays ? typedDay(text) : Optional.of(DayOfWeek.of(Integer.parseInt(day)));
        Optional<LocalTime> typedTime = atDays ? typedTime(text) : clockTime(text);
        if (typedDay.isPresent() && typedTime.isPresent()) {
            set(turn, typedDay.get(), typedTime.get());
            return;
        }
        // "周五" alone asks its time; anything else is asked back, never filed as a note
        String[] again = typedDay.map(d -> new String[] {"d", Integer.toString(d.getValue())})
                .orElse(new String[] {"d"});
        if (!atDays || typedDay.isEmpty()) {
            turn.say(turn.t(atDays ? "checkin.bad.day" : "checkin.bad.time"));
        }
        settingsPressed(turn, again);
    }

    /** "17:00", "9", "9点30" at a day's time buttons. */
    private static Optional<LocalTime> clockTime(String text) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^(\\d{1,2})(?:[:：.点](\\d{2})?)?$")
                .matcher(text.strip().replace("分", ""));
        if (!m.matches() || Integer.parseInt(m.group(1)) > 23 || (m.group(2) != null && Integer.parseInt(m.group(2)) > 59)) {
            return Optional.empty();
        }
        return Optional.of(LocalTime.of(Integer.parseInt(m.group(1)), m.group(2) == null ? 0 : Integer.parseInt(m.group(2))));
    }

    private void set(Turn turn, DayOfWeek day, LocalTime time) {
        CheckinStore.Prefs p = scheduler.setWeekly(turn, day, time);
        turn.say(turn.t("checkin.set", dayName(turn, p.day()), p.time(), ReminderCommands.when(turn, p.nextCheckin())));
    }

    private static final String ZH_DAYS = "一二三四五六日";
    private static final List<String> EN_DAYS = List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun");

    /** "周五", "星期五", "礼拜五", "fri", "Friday" (the first 40 characters are read). */
    static Optional<DayOfWeek> typedDay(String text) {
        String t = text.length() > 40 ? text.substring(0, 40) : text;
        for (String mark : List.of("周", "星期", "礼拜")) {
            int at = t.indexOf(mark);
            if (at >= 0 && at + mark.length() < t.length()) {
                char c = t.charAt(at + mark.length());
                int i = c == '天' ? 6 : ZH_DAYS.indexOf(c);
                if (i >= 0) {
                    return Optional.of(DayOfWeek.of(i + 1));
                }
            }
        }
        String lower = t.toLowerCase(Locale.ROOT);
        for (String word : lower.split("[^a-z]+")) {
            int i = word.length() >= 3 ? EN_DAYS.indexOf(word.substring(0, 3)) : -1;
            if (i >= 0) {
                return Optional.of(DayOfWeek.of(i + 1));
            }
        }
        return Optional.empty();
    }

    /** "下午5点", "17:00", "5pm", "9点半" (the first 40 characters are read); empty when no hour is given. */
    static Optional<LocalTime> typedTime(String text) {
        String t = (text.length() > 40 ? text.substring(0, 40) : text).toLowerCase(Locale.ROOT);
        int i = 0;
        while (i < t.length() && !Character.isDigit(t.charAt(i))) {
            i++;
        }
        if (i == t.length()) {
            return Optional.empty();
        }
        int hour = 0;
        int digits = 0;
        while (i < t.length() && Character.isDigit(t.charAt(i)) && digits < 2) {
            hour = hour * 10 + (t.charAt(i++) - '0');
            digits++;
        }
        int minute = 0;
        if (i + 2 < t.length() && (t.charAt(i) == ':' || t.charAt(i) == '：' || t.charAt(i) == '点')
                && Character.isDigit(t.charAt(i + 1)) && Character.isDigit(t.charAt(i + 2))) {
            minute = (t.charAt(i + 1) - '0') * 10 + (t.charAt(i + 2) - '0');
        } else if (t.indexOf("点半", i) == i) {
            minute = 30;
        }
        boolean afternoon = t.contains("下午") || t.contains("晚上") || t.contains("pm");
        if (afternoon && hour < 12) {
            hour += 12;
        }
        return hour > 23 || minute > 59 ? Optional.empty() : Optional.of(LocalTime.of(hour, minute));
    }

    static String dayName(Turn turn, DayOfWeek d) {
        return d.getDisplayName(TextStyle.SHORT, "zh".equals(turn.lang()) ? Locale.CHINESE : Locale.ENGLISH);
    }

    private static LocalDate today(Turn turn) {
        return turn.now().atZone(turn.zone()).toLocalDate();
    }
}
