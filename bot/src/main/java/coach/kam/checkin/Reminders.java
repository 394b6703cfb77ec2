package coach.kam.checkin;

import coach.kam.store.Keys;
import coach.kam.store.Table;
import coach.kam.store.Tx;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A rep's reminders: set, listed, due, done, cancelled (and opened again by undo), moved by a day
 * or a week. Each open one has a schedule entry at its time.
 */
public final class Reminders {
    public enum Status { OPEN, DONE, CANCELLED }

    /** Something to be reminded of at {@code due}, about an account or not. */
    public record Reminder(long id, long userId, Long accountId, String text, Instant due, Status status,
                           Instant createdAt) {
        Reminder with(Status s) {
            return new Reminder(id, userId, accountId, text, due, s, createdAt);
        }

        Reminder at(Instant when) {
            return new Reminder(id, userId, accountId, text, when, Status.OPEN, createdAt);
        }
    }

    public static final int MAX_TEXT = 500;
    private static final Table<Reminder> TABLE = Table.owned("reminders", Reminder.class);

    /** The tables kept here, for the program's catalogue ({@code coach.kam.Catalogue}). */
    public static final List<Table<?>> TABLES = List.of(TABLE);
    private final Schedule schedule;
    private final CheckinStore prefs;

    public Reminders(Schedule schedule, CheckinStore prefs) {
        this.schedule = schedule;
        this.prefs = prefs;
    }

    public Reminder add(Tx tx, long userId, Long accountId, String text, Instant due, Instant now) {
        Reminder r = new Reminder(tx.nextId("reminder"), userId, accountId, text, due, Status.OPEN, now);
        put(tx, r);
        recordForUndo(tx, r);
        return r;
    }

    /** Notes a new reminder as the rep's last change, so /undo takes it back. */
    private static void recordForUndo(Tx tx, Reminder r) {
        coach.kam.accounts.ChangeLog.record(tx, r.userId(), coach.kam.accounts.ChangeLog.Kind.REMINDER_ADDED,
                r.accountId() == null ? 0 : r.accountId(), null, null, null, Long.toString(r.id()), r.text(), null,
                r.createdAt());
    }

    /**
     * Cancels an open reminder ({@code open} false) or opens a cancelled one again ({@code open} true),
     * as undo and redo do. Returns its text, or empty when there is no such reminder, or it is done.
     */
    public Optional<String> setOpen(Tx tx, long userId, long id, boolean open) {
        Optional<Reminder> r = get(tx, userId, id);
        if (r.isEmpty() || r.get().status() == Status.DONE) {
            return Optional.empty();
        }
        if (open && r.get().status() == Status.CANCELLED) {
            put(tx, r.get().with(Status.OPEN));
        } else if (!open && r.get().status() == Status.OPEN) {
            close(tx, r.get(), Status.CANCELLED);
        }
        return Optional.of(r.get().text());
    }

    public Optional<Reminder> get(Tx tx, long userId, long id) {
        return tx.get(TABLE, key(userId, id));
    }

    /** Open reminders, soonest first. */
    public List<Reminder> open(Tx tx, long userId) {
        return openOf(tx, userId);
    }

    /** A rep's open reminders, soonest first, for readers that schedule nothing (the report, the rep's own records). */
    public static List<Reminder> openOf(Tx tx, long userId) {
        return tx.withPrefix(TABLE, Keys.under(userId)).stream().filter(r -> r.status() == Status.OPEN)
                .sorted(Comparator.comparing(Reminder::due)).toList();
    }

    /**
     * When a deadline ("周五前", "by Friday", read as {@code due} at 09:00 on {@code deadline}'s day)
     * reminds: at the rep's check-in time on that day while that is still ahead, else at {@code due}.
     */
    public Instant deadlineAt(Tx tx, long userId, ZonedDateTime deadline, Instant due, Instant now) {
        LocalTime morning = prefs.prefs(tx, userId).map(CheckinStore.Prefs::time).orElse(CheckinStore.DEFAULT_TIME);
        Instant atCheckinHour = deadline.with(morning).toInstant();
        return atCheckinHour.isAfter(now) ? atCheckinHour : due;
    }

    /** The open reminder a schedule entry stands for, when it is still due at that entry's time. */
    public Optional<Reminder> due(Tx tx, Schedule.Entry e) {
        return get(tx, e.userId(), e.ref()).filter(r -> r.status() == Status.OPEN && r.due().equals(e.due()));
    }

    /**
     * Snoozes an open reminder by a day or a week from its time (from now when that has passed), in
     * calendar days of the rep's zone: the same local time, whatever the clocks did overnight.
     */
    public Reminder snooze(Tx tx, Reminder r, boolean week, Instant now, ZoneId zone) {
        Instant base = r.due().isAfter(now) ? r.due() : now;
        ZonedDateTime local = base.atZone(zone);
        return move(tx, r, (week ? local.plusWeeks(1) : local.plusDays(1)).toInstant());
    }

    /** Moves an open reminder; its old schedule entry goes. */
    Reminder move(Tx tx, Reminder r, Instant due) {
        schedule.remove(tx, entry(r));
        Reminder moved = r.at(due);
        put(tx, moved);
        return moved;
    }

    /** Marks a reminder done or cancelled; its schedule entry goes. */
    public void close(Tx tx, Reminder r, Status status) {
        schedule.remove(tx, entry(r));
        tx.put(TABLE, key(r.userId(), r.id()), r.with(status));
    }

    private void put(Tx tx, Reminder r) {
        tx.put(TABLE, key(r.userId(), r.id()), r);
        if (r.status() == Status.OPEN) {
            schedule.put(tx, entry(r));
        }
    }

    static Schedule.Entry entry(Reminder r) {
        return new Schedule.Entry(r.due(), r.userId(), Schedule.Kind.REMINDER, r.id());
    }

    private static String key(long userId, long id) {
        return Keys.of(userId, id);
    }
}
