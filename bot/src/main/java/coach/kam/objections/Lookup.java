package coach.kam.objections;

import java.util.List;

/**
 * The result of matching what a customer said: matches best first and whether the best one is
 * close enough to be shown as the answer (otherwise the nearest ones are offered as choices);
 * {@code similarity} is the best phrasing's cosine similarity to the query.
 */
public record Lookup(String query, String lang, List<Match> matches, boolean confident, double similarity) {

    public Match best() {
        return matches.get(0);
    }

    /** The runner-up is about as close as the best, so the rep should see both. */
    public boolean close() {
        return matches.size() > 1 && matches.get(1).score() >= matches.get(0).score() * 0.85;
    }
}
