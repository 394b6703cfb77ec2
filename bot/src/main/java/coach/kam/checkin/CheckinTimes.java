package coach.kam.checkin;

import coach.kam.store.Tx;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;

/**
 * When each rep's weekly check-in, daily nudge and (for a manager with a team) Monday digest fall
 * due, kept in step with the schedule: set on first use with the defaults, moved when the rep
 * changes the day or time, and moved on after each one ran.
 */
public final class CheckinTimes {
    /** Whether a person is a manager who leads a team (and so gets the Monday digest). */
    @FunctionalInterface
    public interface Leads {
        boolean leads(Tx tx, long userId);
    }

    private final Schedule schedule;
    private final CheckinStore store;
    private final Leads leads;

    public CheckinTimes(Schedule schedule, CheckinStore store, Leads leads) {
        this.schedule = schedule;
        this.store = store;
        this.leads = leads;
    }

    /** The rep's settings, created with the defaults (Monday 09:00 in their zone) and scheduled on first use. */
    public CheckinStore.Prefs prefs(Tx tx, long userId, ZoneId zone, Instant now) {
        Optional<CheckinStore.Prefs> p = store.prefs(tx, userId);
        if (p.isPresent()) {
            return p.get();
        }
        return schedule(tx, userId, CheckinStore.DEFAULT_DAY, CheckinStore.DEFAULT_TIME, zone, now);
    }

    /** New check-in day and time: the old entries go, the new ones are scheduled. */
    public CheckinStore.Prefs setWeekly(Tx tx, long userId, DayOfWeek day, LocalTime time, ZoneId zone, Instant now) {
        store.prefs(tx, userId).ifPresent(old -> unschedule(tx, old));
        return schedule(tx, userId, day, time, zone, now);
    }

    /**
     * True when the rep's settings need scheduling again: there are none, the zone they were set in
     * ({@code zone} as the session keeps it) changed, or a manager now leads a team and has no digest.
     */
    public boolean stale(Tx tx, long userId, String zone) {
        Optional<CheckinStore.Prefs> p = store.prefs(tx, userId);
        return p.isEmpty() || !zone.equals(p.get().zone())
                || (leads.leads(tx, userId) && p.get().nextDigest() == null);
    }

    /** Creates the settings, or schedules the ones there again in {@code zone} (same day and time). */
    public void refresh(Tx tx, long userId, ZoneId zone, Instant now) {
        Optional<CheckinStore.Prefs> p = store.prefs(tx, userId);
        prefs(tx, userId, zone, now);
        p.ifPresent(old -> setWeekly(tx, userId, old.day(), old.time(), zone, now));
    }

    /** Schedules a manager's Monday digest now that their team has someone in it, if it is not yet. */
    public void digestFor(Tx tx, long managerId, ZoneId zone, Instant now) {
        CheckinStore.Prefs p = prefs(tx, managerId, zone, now);
        if (p.nextDigest() == null) {
            setWeekly(tx, managerId, p.day(), p.time(), zone, now);
        }
    }

    /** True when {@code e} is the rep's current check-in, nudge or digest (an older entry is left alone). */
    public static boolean current(CheckinStore.Prefs p, Schedule.Entry e) {
        return switch (e.kind()) {
            case CHECKIN -> e.due().equals(p.nextCheckin());
            case NUDGE -> e.due().equals(p.nextNudge());
            case DIGEST -> e.due().equals(p.nextDigest());
            case REMINDER -> false;
        };
    }

    /** After a check-in, nudge or digest ran: the next one of that kind is scheduled. */
    public void ran(Tx tx, CheckinStore.Prefs p, Schedule.Kind kind, ZoneId zone, Instant now) {
        Instant checkin = kind == Schedule.Kind.CHECKIN ? Weekly.next(p.day(), p.time(), zone, now) : p.nextCheckin();
        Instant nudge = kind == Schedule.Kind.NUDGE ? Weekly.nextDaily(p.time(), zone, now) : p.nextNudge();
        Instant digest = kind == Schedule.Kind.DIGEST ? nextDigest(tx, p, zone, now) : p.nextDigest();
        unschedule(tx, p);
        put(tx, new CheckinStore.Prefs(p.userId(), p.day(), p.time(), p.zone(), checkin, nudge, digest));
    }

    private CheckinStore.Prefs schedule(Tx tx, long userId, DayOfWeek day, LocalTime time, ZoneId zone, Instant now) {
        CheckinStore.Prefs p = new CheckinStore.Prefs(userId, day, time, zone.getId(),
                Weekly.next(day, time, zone, now), Weekly.nextDaily(time, zone, now), null);
        CheckinStore.Prefs withDigest = new CheckinStore.Prefs(p.userId(), day, time, p.zone(), p.nextCheckin(),
                p.nextNudge(), nextDigest(tx, p, zone, now));
        put(tx, withDigest);
        return withDigest;
    }

    private Instant nextDigest(Tx tx, CheckinStore.Prefs p, ZoneId zone, Instant now) {
        return leads.leads(tx, p.userId()) ? Weekly.next(DayOfWeek.MONDAY, p.time(), zone, now) : null;
    }

    private void put(Tx tx, CheckinStore.Prefs p) {
        store.putPrefs(tx, p);
        schedule.put(tx, new Schedule.Entry(p.nextCheckin(), p.userId(), Schedule.Kind.CHECKIN, 0));
        schedule.put(tx, new Schedule.Entry(p.nextNudge(), p.userId(), Schedule.Kind.NUDGE, 0));
        if (p.nextDigest() != null) {
            schedule.put(tx, new Schedule.Entry(p.nextDigest(), p.userId(), Schedule.Kind.DIGEST, 0));
        }
    }

    private void unschedule(Tx tx, CheckinStore.Prefs p) {
        schedule.remove(tx, new Schedule.Entry(p.nextCheckin(), p.userId(), Schedule.Kind.CHECKIN, 0));
        schedule.remove(tx, new Schedule.Entry(p.nextNudge(), p.userId(), Schedule.Kind.NUDGE, 0));
        if (p.nextDigest() != null) {
            schedule.remove(tx, new Schedule.Entry(p.nextDigest(), p.userId(), Schedule.Kind.DIGEST, 0));
        }
    }
}
