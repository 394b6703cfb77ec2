package coach.kam.conversation.checkin;

import coach.kam.accounts.Account;
import coach.kam.accounts.Accounts;
import coach.kam.checkin.CheckinStore;
import coach.kam.checkin.Reminders;
import coach.kam.conversation.Button;
import coach.kam.conversation.Conversation;
import coach.kam.conversation.Dialog;
import coach.kam.text.Html;
import coach.kam.conversation.Reply;
import coach.kam.conversation.Turn;
import coach.kam.conversation.buttons.CheckinButtons;
import coach.kam.conversation.buttons.Owned;
import coach.kam.store.Tx;
import coach.kam.when.WhenParser;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * /remind in one line ("/remind acme: tomorrow 9:00 send the quote") or step by step (account,
 * time, text), "提醒我…" / "remind me…" typed as plain text, /reminders, and the buttons on a
 * reminder when it arrives. A time that is not clear is asked again, never guessed.
 */
public final class ReminderCommands {
    private static final String NO_ACCOUNT = "0";
    /** The deadline being set by this thread's turn, if the time read was one; see {@link #create}. */
    private static final ThreadLocal<ZonedDateTime> DEADLINE = new ThreadLocal<>();
    private final Accounts accounts;
    private final Owned owned;
    private final Reminders reminders;
    private final WhenParser when;

    ReminderCommands(Accounts accounts, Reminders reminders, WhenParser when) {
        this.accounts = accounts;
        this.owned = new Owned(accounts);
        this.reminders = reminders;
        this.when = when;
    }

    public void register(Conversation.Builder b) {
        b.command("remind", this::command);
        b.textRoute(when::asksToRemind, (turn, text, arg) -> remindMe(turn, text));
        b.waitingFor("remind-account", (turn, typed, arg) -> accountTyped(turn, typed),
                (turn, accountId, arg) -> askWhen(turn, accountId, null));
        b.waitingFor("remind-when", (turn, typed, arg) -> whenTyped(turn, typed, arg),
                (turn, preset, arg) -> whenTyped(turn, presetPhrase(turn, preset), arg));
        b.waitingFor("remind-what", (turn, typed, arg) -> whatTyped(turn, typed, arg));
        b.command("reminders", (turn, args) -> list(turn));
        b.button(CheckinButtons.REMINDER, this::pressed);
    }

    private void command(Turn turn, String args) {
        if (args.isBlank()) {
            askAccount(turn);
            return;
        }
        int colon = Html.firstColon(args);
        if (colon > 0) {
            List<Account> found = accounts.find(turn.tx(), turn.userId(), args.substring(0, colon));
            if (found.size() == 1) {
                whenTyped(turn, args.substring(colon + 1).strip(), Long.toString(found.get(0).id()));
                return;
            }
        }
        String account = turn.session().openAccountId() == null ? NO_ACCOUNT : turn.session().openAccountId().toString();
        whenTyped(turn, args, account);
    }

    /**
     * "明天下午三点提醒我给王总打电话", "remind me to call jim tomorrow at 3pm" typed as plain text,
     * with or without an account open.
     */
    private void remindMe(Turn turn, String text) {
        Long open = turn.session().openAccountId();
        String account = open != null ? open.toString() : mentionedAccount(turn, text).map(a -> Long.toString(a.id())).orElse(NO_ACCOUNT);
        whenTyped(turn, text, account);
    }

    /** An account whose name appears in the text (its first four characters are enough for a Chinese name). */
    private Optional<Account> mentionedAccount(Turn turn, String text) {
        String t = text.toLowerCase(Locale.ROOT);
        return accounts.list(turn.tx(), turn.userId()).stream().filter(a -> {
            String name = a.name().toLowerCase(Locale.ROOT);
            String head = name.codePoints().limit(4).collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
            return t.contains(name) || (head.codePoints().allMatch(Character::isIdeographic) && head.length() >= 2 && t.contains(head));
        }).findFirst();
    }

    private void askAccount(Turn turn) {
        List<Account> all = accounts.list(turn.tx(), turn.userId());
        Dialog d = turn.await("remind-account", null);
        List<List<Button>> rows = new ArrayList<>();
        all.stream().limit(12).forEach(a -> rows.add(List.of(turn.choice(d, a.name(), "c", Long.toString(a.id())))));
        rows.add(List.of(turn.choice(d, turn.t("remind.no.account"), "c", NO_ACCOUNT)));
        turn.say(turn.t("remind.ask.account"), rows);
    }

    private void accountTyped(Turn turn, String typed) {
        List<Account> found = accounts.find(turn.tx(), turn.userId(), typed);
        if (found.size() == 1) {
            askWhen(turn, Long.toString(found.get(0).id()), null);
        } else {
            turn.say(turn.t("accounts.pick.again", Html.escape(Html.shorten(typed, 40))));
            askAccount(turn);
        }
    }

    /** Asks for the time; {@code what}, when known, is kept in the dialog and shown. */
    private void askWhen(Turn turn, String accountId, String what) {
        Dialog d = turn.await("remind-when", accountId + (what == null ? "" : "\n" + what));
        turn.say(turn.t(what == null ? "remind.ask.when" : "remind.ask.when.task", what == null ? "" : shortHtml(what)), List.of(
                List.of(turn.choice(d, turn.t("remind.in.hour"), "c", "hour")),
                List.of(turn.choice(d, turn.t("remind.tomorrow"), "c", "tomorrow")),
                List.of(turn.choice(d, turn.t("remind.monday"), "c", "monday"))));
    }

    /** A task shown inside a message: cut to 80 characters, with the HTML special characters escaped. */
    static String shortHtml(String text) {
        String t = text.length() > 80 ? text.substring(0, 79) + "…" : text;
        return t.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String presetPhrase(Turn turn, String preset) {
        return switch (preset) {
            case "hour" -> "in 1 hour";
            case "tomorrow" -> "tomorrow 9:00";
            default -> "next Monday 9:00";
        };
    }

    /** {@code arg} is the account id, then a line break and the text when it is already known. */
    private void whenTyped(Turn turn, String typed, String arg) {
        String[] parts = arg == null ? new String[] {NO_ACCOUNT} : arg.split("\n", 2);
        String accountId = parts[0];
        String knownWhat = parts.length > 1 ? parts[1] : null;
        WhenParser.Result r = when.line(typed, turn.zone(), CheckinStore.DEFAULT_TIME);
        if (r instanceof WhenParser.Parsed p) {
            // a whole new reminder typed while one waits for its time is set, and the waiting one asked again
            boolean another = knownWhat != null && !p.rest().isBlank() && when.asksToRemind(typed);
            String what = knownWhat != null && !knownWhat.isBlank() && !another ? knownWhat : p.rest();
            if (what == null || what.isBlank()) {
                turn.await("remind-what", keptWhat(accountId, p.at().toInstant()));
                turn.say(turn.t("remind.ask.what", when(turn, p.at().toInstant())));
                return;
            }
            DEADLINE.set(p.deadline() ? p.at() : null);
            try {
                create(turn, accountId, p.at().toInstant(), what);
            } finally {
                DEADLINE.remove();
            }
            if (another) {
                askWhen(turn, accountId, knownWhat);
            }
            return;
        }
        String reason = r instanceof WhenParser.Unclear u ? "remind.unclear." + u.reasonKey() : "remind.no.time";
        String shown = r instanceof WhenParser.Unclear u && !u.phrase().isBlank() ? u.phrase() : typed;
        turn.say(turn.t(reason, Html.escape(Html.shorten(shown, 60))));
        String keep = knownWhat;
        if (keep == null) {
            // the task of "提醒我给王总打电话" waits with the question, so the time can come next
            String task = r instanceof WhenParser.Unclear u ? u.rest()
                    : when.asksToRemind(typed) ? WhenParser.withoutMarker(typed) : "";
            keep = task.isBlank() || task.length() > Reminders.MAX_TEXT ? null : task;
        }
        askWhen(turn, accountId, keep);
    }

    private void whatTyped(Turn turn, String typed, String arg) {
        Optional<CheckinButtons.Due> due = CheckinButtons.DUE.decodeFields(arg);
        if (due.isEmpty()) {
            turn.say(turn.t("button.unknown"));
            return;
        }
        create(turn, Long.toString(due.get().accountId()), Instant.ofEpochSecond(due.get().epochSecond()), typed);
    }

    /** What "what should I remind you of?" keeps: the account ({@link #NO_ACCOUNT} for none) and the time. */
    private static String keptWhat(String accountId, Instant at) {
        long account = Owned.parseId(accountId).orElse(0L);
        return CheckinButtons.DUE.fieldsOf(new CheckinButtons.Due(account, at.getEpochSecond()));
    }

    /**
     * Sets the reminder. A deadline read at 09:00 ("周五前", in {@link #DEADLINE} while this runs)
     * moves to the rep's check-in time on that day while that is still ahead.
     */
    private void create(Turn turn, String accountId, Instant due, String what) {
        ZonedDateTime deadline = DEADLINE.get();
        if (what.length() > Reminders.MAX_TEXT) {
            turn.say(turn.t("walk.bad.long", Reminders.MAX_TEXT));
            turn.await("remind-what", keptWhat(accountId, due));
            return;
        }
        Tx tx = turn.tx();
        long user = turn.userId();
        Instant now = turn.now();
        Instant at = deadline == null ? due : reminders.deadlineAt(tx, user, deadline, due, now);
        Optional<Account> account = Owned.parseId(accountId).filter(id -> id != 0).flatMap(id -> owned.find(turn, id));
        Reminders.Reminder r = reminders.add(tx, user, account.map(Account::id).orElse(null), what.strip(), at, now);
        turn.say(turn.t("remind.set", when(turn, at), Html.escape(r.text()))
                        + account.map(a -> "\n🏢 " + Html.escape(a.name())).orElse(""),
                List.of(List.of(cancelButton(turn, r))));
    }

    /** ✖ under a reminder just set. */
    static Button cancelButton(Turn turn, Reminders.Reminder r) {
        return CheckinButtons.REMINDER.button(turn.t("remind.btn.cancel"), new CheckinButtons.Reminder("x", r.id()));
    }

    private void list(Turn turn) {
        List<Reminders.Reminder> open = reminders.open(turn.tx(), turn.userId());
        if (open.isEmpty()) {
            turn.say(turn.t("remind.none"));
            return;
        }
        StringBuilder out = new StringBuilder(turn.t("remind.list.title", open.size()));
        List<List<Button>> rows = new ArrayList<>();
        int n = 0;
        for (Reminders.Reminder r : open) {
            n++;
            out.append('\n').append(n).append(". ").append(when(turn, r.due())).append(" · ")
                    .append(Html.escape(Html.shorten(r.text(), 80)));
            accountName(turn, r).ifPresent(name -> out.append(" · 🏢 ").append(Html.escape(name)));
            if (rows.size() < 20) {
                rows.add(List.of(CheckinButtons.REMINDER.button(turn.t("remind.btn.cancel.n", n),
                        new CheckinButtons.Reminder("x", r.id()))));
            }
        }
        turn.say(out.toString(), rows);
    }

    private void pressed(Turn turn, CheckinButtons.Reminder pressed) {
        Optional<Reminders.Reminder> r = reminders.get(turn.tx(), turn.userId(), pressed.reminderId());
        if (r.isEmpty() || r.get().status() != Reminders.Status.OPEN) {
            turn.say(turn.t(r.isEmpty() ? "button.unknown" : "remind.already.closed"));
            return;
        }
        switch (pressed.op()) {
            case "d" -> {
                reminders.close(turn.tx(), r.get(), Reminders.Status.DONE);
                turn.say(turn.t("remind.done", Html.escape(r.get().text())));
            }
            case "x" -> {
                reminders.close(turn.tx(), r.get(), Reminders.Status.CANCELLED);
                turn.say(turn.t("remind.cancelled", Html.escape(r.get().text())));
            }
            default -> { // "1d", "1w"
                Reminders.Reminder moved = reminders.snooze(turn.tx(), r.get(), pressed.op().equals("1w"), turn.now(),
                        turn.zone());
                turn.say(turn.t("remind.moved", when(turn, moved.due()), Html.escape(moved.text())));
            }
        }
    }

    /** The reminder as it arrives, with done, +1 day and +1 week. */
    Reply due(Turn turn, Reminders.Reminder r) {
        String text = turn.t("remind.due", Html.escape(r.text()))
                + accountName(turn, r).map(n -> "\n🏢 " + Html.escape(n)).orElse("");
        return new Reply(text, List.of(List.of(
                CheckinButtons.REMINDER.button(turn.t("remind.btn.done"), new CheckinButtons.Reminder("d", r.id())),
                CheckinButtons.REMINDER.button(turn.t("remind.btn.day"), new CheckinButtons.Reminder("1d", r.id())),
                CheckinButtons.REMINDER.button(turn.t("remind.btn.week"), new CheckinButtons.Reminder("1w", r.id())))));
    }

    private Optional<String> accountName(Turn turn, Reminders.Reminder r) {
        return r.accountId() == null ? Optional.empty()
                : accounts.get(turn.tx(), turn.userId(), r.accountId()).map(Account::name);
    }

    /** The exact local date and time, with the weekday: "2026-12-02 周三 14:00". */
    static String when(Turn turn, Instant at) {
        ZonedDateTime local = at.atZone(turn.zone());
        Locale locale = "zh".equals(turn.lang()) ? Locale.CHINESE : Locale.ENGLISH;
        return DateTimeFormatter.ofPattern("yyyy-MM-dd EEE HH:mm", locale).format(local);
    }
}
