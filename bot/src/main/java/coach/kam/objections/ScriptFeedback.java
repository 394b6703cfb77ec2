package coach.kam.objections;

import coach.kam.store.Table;
import coach.kam.store.Tx;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What worked: "it worked / it did not" per script, for the rep and for the whole team. A rep's
 * scripts are ordered by what worked for that rep, then for the team, then as written.
 */
public final class ScriptFeedback {
    /** Counts for one script. */
    public record Tally(int worked, int failed) {
        int net() {
            return worked - failed;
        }

        Tally plus(boolean didWork) {
            return didWork ? new Tally(worked + 1, failed) : new Tally(worked, failed + 1);
        }
    }

    private static final Table<Tally> TALLIES = Table.of("script-feedback", Tally.class);

    public void record(Tx tx, long userId, String objectionId, String lang, int script, boolean worked) {
        for (String key : List.of(repKey(userId, objectionId, lang, script), teamKey(objectionId, lang, script))) {
            Tally t = tx.get(TALLIES, key).orElse(new Tally(0, 0));
            tx.put(TALLIES, key, t.plus(worked));
        }
    }

    /** Script indexes in the order this rep should see them. */
    public List<Integer> order(Tx tx, long userId, String objectionId, String lang, int scripts) {
        List<Integer> order = new ArrayList<>();
        int[] rep = new int[scripts];
        int[] team = new int[scripts];
        for (int i = 0; i < scripts; i++) {
            order.add(i);
            rep[i] = tx.get(TALLIES, repKey(userId, objectionId, lang, i)).map(Tally::net).orElse(0);
            team[i] = tx.get(TALLIES, teamKey(objectionId, lang, i)).map(Tally::net).orElse(0);
        }
        order.sort(Comparator.comparingInt((Integer i) -> -rep[i]).thenComparingInt(i -> -team[i])
                .thenComparingInt(i -> i));
        return order;
    }

    public Tally tally(Tx tx, long userId, String objectionId, String lang, int script) {
        return tx.get(TALLIES, repKey(userId, objectionId, lang, script)).orElse(new Tally(0, 0));
    }

    private static String repKey(long userId, String id, String lang, int script) {
        return "rep/" + userId + "/" + id + "/" + lang + "/" + script;
    }

    private static String teamKey(String id, String lang, int script) {
        return "team/" + id + "/" + lang + "/" + script;
    }
}
