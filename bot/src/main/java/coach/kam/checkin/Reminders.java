package coach.kam.checkin;

import coach.kam.store.Table;
import coach.kam.store.Tx;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** A rep's reminders; each open one has a schedule entry at its time. */
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

    static final int MAX_TEXT = 500;
    private static final Table<Reminder> TABLE = Table.of("reminders", Reminder.class);
    private final Schedule schedule;

    Reminders(Schedule schedule) {
        this.schedule = schedule;
    }

    Reminder add(Tx tx, long userId, Long accountId, String text, Instant due, Instant now) {
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
    Optional<String> setOpen(Tx tx, long userId, long id, boolean open) {
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

    Optional<Reminder> get(Tx tx, long userId, long id) {
        return tx.get(TABLE, key(userId, id));
    }

    /** Open reminders, soonest first. */
    List<Reminder> open(Tx tx, long userId) {
        return tx.withPrefix(TABLE, userId + "/").stream().filter(r -> r.status() == Status.OPEN)
                .sorted(Comparator.comparing(Reminder::due)).toList();
    }

    /** Moves an open reminder (snooze by a day or a week); its old schedule entry goes. */
    Reminder move(Tx tx, Reminder r, Instant due) {
        schedule.remove(tx, entry(r));
        Reminder moved = r.at(due);
        put(tx, moved);
        return moved;
    }

    void close(Tx tx, Reminder r, Status status) {
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
        return userId + "/" + String.format("%012d", id);
    }
}
