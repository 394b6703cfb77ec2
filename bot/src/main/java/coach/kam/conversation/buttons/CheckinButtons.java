package coach.kam.conversation.buttons;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/**
 * Buttons of the weekly check-in, its day and time in /settings, reminders and a manager's
 * invitation; and the arguments the check-in's one-step questions keep, in the same codec.
 */
public final class CheckinButtons {
    private static final long MAX_EPOCH_SECOND = 999_999_999_999L;

    private CheckinButtons() {
    }

    /**
     * An answer to one account of a week's check-in: "p" progress, "n" next step, "x" no change,
     * "s" snooze, "s1"/"s2" snooze one or two weeks, "sd" snooze to a date.
     */
    public record Answer(String op, long accountId, String week) implements AccountRef {
        public Answer {
            checkWeek(week);
        }
    }

    /** The day buttons ({@code day} null), a day's time buttons, or a day and time chosen ({@code time} set). */
    public record Time(Integer day, LocalTime time) {
        public Time {
            if (day != null && (day < 1 || day > 7) || time != null && day == null) {
                throw new IllegalArgumentException("check-in time without its day: " + day + " " + time);
            }
        }
    }

    /** Done ("d"), cancelled ("x"), a day later ("1d") or a week later ("1w"), on one of the rep's reminders. */
    public record Reminder(String op, long reminderId) {
    }

    /** A manager's invitation accepted or declined. */
    public record Invitation(boolean accept, long managerId) {
    }

    /**
     * What a check-in question keeps while it waits for its typed answer: the account and week, and
     * the day a snooze ends once it is chosen. Never shown as a button.
     */
    public record Waiting(long accountId, String week, LocalDate until) implements AccountRef {
        public Waiting {
            checkWeek(week);
        }
    }

    /** What "what should I remind you of?" keeps: the account (0 for none) and the time read. */
    public record Due(long accountId, long epochSecond) {
        public Due {
            if (epochSecond < 0 || epochSecond > MAX_EPOCH_SECOND) {
                throw new IllegalArgumentException("reminder time out of range: " + epochSecond);
            }
        }
    }

    public static final Kind<Answer> ANSWER = Kind.of("ci", Answer.class,
            a -> Kind.fields(a.op(), a.accountId(), a.week()),
            f -> new Answer(f.oneOf("p", "n", "x", "s", "s1", "s2", "sd"), f.id(), f.word(8))).answeringStale("accounts.gone");
    public static final Kind<Time> TIME = Kind.of("cis", Time.class,
            t -> t.time() == null ? Kind.fields("d", t.day()) : Kind.fields("t", t.day(), hhmm(t.time())),
            CheckinButtons::time);
    public static final Kind<Reminder> REMINDER = Kind.of("rem", Reminder.class,
            r -> Kind.fields(r.op(), r.reminderId()), f -> new Reminder(f.oneOf("d", "x", "1d", "1w"), f.id()));
    public static final Kind<Invitation> INVITATION = Kind.of("tm", Invitation.class,
            i -> Kind.fields(i.accept() ? "y" : "n", i.managerId()),
            f -> new Invitation(f.oneOf("y", "n").equals("y"), f.id())).answeringStale("team.invitation.gone");

    /** The argument of the check-in's questions ("12:2026-W49", "12:2026-W49:2026-12-10"); not a button. */
    public static final Kind<Waiting> WAITING = Kind.of("ciw", Waiting.class,
            w -> Kind.fields(w.accountId(), w.week(), w.until()),
            f -> new Waiting(f.id(), f.word(8), f.more() ? LocalDate.parse(f.word(10)) : null));
    /** The argument of "what should I remind you of?" ("12:1764230400"); not a button. */
    public static final Kind<Due> DUE = Kind.of("remw", Due.class, d -> Kind.fields(d.accountId(), d.epochSecond()),
            f -> new Due(f.id(), f.id()));

    /** The kinds registered as buttons. */
    public static final List<Kind<?>> ALL = List.of(ANSWER, TIME, REMINDER, INVITATION);

    private static Time time(Fields f) {
        if (f.oneOf("d", "t").equals("d")) {
            return new Time(f.more() ? Integer.valueOf(f.number(1, 7)) : null, null);
        }
        int day = f.number(1, 7);
        String hhmm = f.word(4);
        if (hhmm.length() != 4 || !hhmm.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("not a time: " + hhmm);
        }
        int n = Integer.parseInt(hhmm);
        return new Time(day, LocalTime.of(n / 100, n % 100));
    }

    private static String hhmm(LocalTime t) {
        return String.format("%02d%02d", t.getHour(), t.getMinute());
    }

    /** "2026-W49": four digits, "-W", two digits. */
    private static void checkWeek(String week) {
        boolean ok = week != null && week.length() == 8 && week.charAt(4) == '-' && week.charAt(5) == 'W';
        for (int i : new int[] {0, 1, 2, 3, 6, 7}) {
            ok = ok && week.charAt(i) >= '0' && week.charAt(i) <= '9';
        }
        if (!ok) {
            throw new IllegalArgumentException("not a week: " + week);
        }
    }
}
