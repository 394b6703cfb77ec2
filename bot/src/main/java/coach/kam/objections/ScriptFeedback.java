package coach.kam.objections;

import coach.kam.store.Keys;
import coach.kam.store.Table;
import coach.kam.store.Tx;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What worked: "it worked / it did not" per script. Each rep has one vote per script; pressing
 * again keeps or changes it. A rep's scripts are ordered by the rep's own votes, then by how many
 * reps found each one worked less how many found it did not, then as written; so one rep moves
 * the team's order by one vote at most, however often they press.
 *
 * <p>Votes are kept under "&lt;rep id&gt;/&lt;objection&gt;/&lt;lang&gt;/&lt;script&gt;" (the
 * rep's own data, exported with it; older keys that began "rep/" are moved by the key upgrade),
 * and the team's count is taken from them when the order is
 * asked for. Records from before kept a count of presses; their balance is read as the rep's
 * vote. The "team/..." totals of that time are no longer read or written.
 */
public final class ScriptFeedback {

    /** A rep's vote on one script: (1, 0) it worked, (0, 1) it did not; older records may hold counts. */
    public record Tally(int worked, int failed) {
        /** +1, -1 or 0: the vote, or the balance of an older record's counts. */
        int vote() {
            return Integer.signum(worked - failed);
        }

        static Tally of(boolean didWork) {
            return didWork ? new Tally(1, 0) : new Tally(0, 1);
        }
    }

    private static final Table<Tally> TALLIES = Table.owned("script-feedback", Tally.class);

    /** The tables kept here, for the program's catalogue ({@code coach.kam.Catalogue}). */
    public static final List<Table<?>> TABLES = List.of(TALLIES);

    /** Sets this rep's vote on the script (a repeat keeps it, the other verdict replaces it). */
    public void record(Tx tx, long userId, String objectionId, String lang, int script, boolean worked) {
        tx.put(TALLIES, repKey(userId, objectionId, lang, script), Tally.of(worked));
    }

    /** Script indexes in the order this rep should see them. */
    public List<Integer> order(Tx tx, long userId, String objectionId, String lang, int scripts) {
        List<Integer> order = new ArrayList<>();
        int[] rep = new int[scripts];
        int[] team = new int[scripts];
        for (int i = 0; i < scripts; i++) {
            order.add(i);
            rep[i] = tx.get(TALLIES, repKey(userId, objectionId, lang, i)).map(Tally::vote).orElse(0);
        }
        for (Map.Entry<String, Tally> e : tx.entries(TALLIES, "").entrySet()) {
            // <rep id>/<objection>/<lang>/<script>: one vote per rep and script
            List<String> parts = Keys.parts(e.getKey());
            Optional<Long> i = Keys.number(e.getKey(), 2);
            if (Keys.owner(e.getKey()).isPresent() && parts.size() == 3 && parts.get(0).equals(objectionId)
                    && parts.get(1).equals(lang) && i.isPresent() && i.get() < scripts) {
                team[i.get().intValue()] += e.getValue().vote();
            }
        }
        order.sort(Comparator.comparingInt((Integer i) -> -rep[i]).thenComparingInt(i -> -team[i])
                .thenComparingInt(i -> i));
        return order;
    }

    /** The objections on one of whose scripts this rep voted "it did not" (read from the rep's own keys). */
    public java.util.Set<String> disliked(Tx tx, long userId) {
        java.util.Set<String> out = new java.util.TreeSet<>();
        tx.entries(TALLIES, Keys.under(userId)).forEach((key, tally) -> {
            List<String> parts = Keys.parts(key);
            if (parts.size() == 3 && tally.vote() < 0) {
                out.add(parts.get(0));
            }
        });
        return out;
    }

    /** This rep's record for the script: their vote, or the counts an older record kept. */
    public Tally tally(Tx tx, long userId, String objectionId, String lang, int script) {
        return tx.get(TALLIES, repKey(userId, objectionId, lang, script)).orElse(new Tally(0, 0));
    }

    private static String repKey(long userId, String id, String lang, int script) {
        return Keys.of(userId, id, lang, script);
    }
}
