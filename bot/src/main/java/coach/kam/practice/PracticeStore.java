package coach.kam.practice;

import coach.kam.store.Keys;
import coach.kam.store.Table;
import coach.kam.store.Tx;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A rep's practice in the store, all under keys that start with the rep's id (exported with the
 * rep's data; a rep's reads touch only their own few records):
 * "&lt;rep&gt;/o/&lt;objection&gt;" and "&lt;rep&gt;/q/&lt;question&gt;" hold each item's SM-2 schedule,
 * "&lt;rep&gt;" the streak and the moves missed most.
 */
public final class PracticeStore {
    /** One drilled objection ("o") or quiz question ("q") and when it is due again. */
    public record Item(String kind, String ref, int repetitions, double easiness, int interval, LocalDate due,
                       LocalDate last, int lastGrade, int times, int misses) {
        Sm2.State state() {
            return new Sm2.State(repetitions, easiness, interval);
        }
    }

    /** The days in a row with practice, the best run, counts, and how often each move was missing. */
    public record Stats(LocalDate lastDay, int streak, int best, int drills, int quizzes, Map<String, Integer> missed) {
        public Stats {
            missed = missed == null ? Map.of() : Map.copyOf(missed);
        }

        static Stats none() {
            return new Stats(null, 0, 0, 0, 0, Map.of());
        }

        /** The streak as of {@code today}: a run that missed yesterday is over. */
        public int streakOn(LocalDate today) {
            return lastDay != null && !lastDay.isBefore(today.minusDays(1)) ? streak : 0;
        }
    }

    /** A drill with a language model: the customer's opening line and what the rep said so far. */
    public record Talk(String objectionId, String opened, List<String> said) {
        public Talk {
            said = said == null ? List.of() : List.copyOf(said);
        }
    }

    public static final String DRILL = "o";
    private static final Table<Talk> TALKS = Table.owned("practice-talk", Talk.class);
    public static final String QUIZ = "q";
    private static final Table<Item> ITEMS = Table.owned("practice-items", Item.class);
    private static final Table<Stats> STATS = Table.owned("practice-stats", Stats.class);

    /** The tables kept here, for the program's catalogue ({@code coach.kam.Catalogue}). */
    public static final List<Table<?>> TABLES = List.of(TALKS, ITEMS, STATS);

    /** Grades an item on {@code today} and returns its new schedule. */
    public Item grade(Tx tx, long rep, String kind, String ref, int grade, LocalDate today) {
        String key = Keys.of(rep, kind, ref);
        Item before = tx.get(ITEMS, key).orElse(null);
        Sm2.State next = Sm2.grade(before == null ? Sm2.State.fresh() : before.state(), grade);
        Item after = new Item(kind, ref, next.repetitions(), next.easiness(), next.interval(), Sm2.due(next, today),
                today, grade, (before == null ? 0 : before.times()) + 1,
                (before == null ? 0 : before.misses()) + (grade < 3 ? 1 : 0));
        tx.put(ITEMS, key, after);
        return after;
    }

    /** The rep's items of one kind, in key order. */
    public List<Item> items(Tx tx, long rep, String kind) {
        return tx.withPrefix(ITEMS, Keys.under(rep, kind));
    }

    public java.util.Optional<Talk> talk(Tx tx, long rep) {
        return tx.get(TALKS, Keys.of(rep));
    }

    public void talk(Tx tx, long rep, Talk talk) {
        if (talk == null) {
            tx.delete(TALKS, Keys.of(rep));
        } else {
            tx.put(TALKS, Keys.of(rep), talk);
        }
    }

    public Stats stats(Tx tx, long rep) {
        return tx.get(STATS, Keys.of(rep)).orElse(Stats.none());
    }

    /** Counts one drill or quiz answer on {@code today}, with the moves a drill missed. */
    public Stats practised(Tx tx, long rep, String kind, List<Move> missed, LocalDate today) {
        Stats s = stats(tx, rep);
        int streak = s.lastDay() == null ? 1
                : s.lastDay().equals(today) ? s.streak()
                : s.lastDay().equals(today.minusDays(1)) ? s.streak() + 1 : 1;
        Map<String, Integer> counts = new HashMap<>(s.missed());
        missed.forEach(m -> counts.merge(m.key(), 1, Integer::sum));
        Stats after = new Stats(today.isBefore(s.lastDay() == null ? today : s.lastDay()) ? s.lastDay() : today,
                streak, Math.max(s.best(), streak), s.drills() + (DRILL.equals(kind) ? 1 : 0),
                s.quizzes() + (QUIZ.equals(kind) ? 1 : 0), counts);
        tx.put(STATS, Keys.of(rep), after);
        return after;
    }
}
