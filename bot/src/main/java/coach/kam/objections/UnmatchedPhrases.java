package coach.kam.objections;

import coach.kam.store.Keys;
import coach.kam.store.Table;
import coach.kam.store.Tx;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Customer phrases no objection matched well, logged by reps with "log it as a new objection",
 * for whoever writes the objection files (`kam-coach objections unmatched`). One record per rep
 * and phrase (the same phrase again counts up), at most {@link #PER_REP} per rep.
 */
public final class UnmatchedPhrases {
    /** A logged phrase: what the customer said, the nearest objections then, when and how often. */
    public record Unmatched(long userId, String text, String lang, List<String> nearest, Instant firstAt, Instant lastAt,
                            int times) {
        public Unmatched {
            nearest = nearest == null ? List.of() : List.copyOf(nearest);
        }
    }

    static final int PER_REP = 200;
    static final int MAX_TEXT = 300;
    private static final Table<Unmatched> TABLE = Table.owned("objection-unmatched", Unmatched.class);

    /** The tables kept here, for the program's catalogue ({@code coach.kam.Catalogue}). */
    public static final List<Table<?>> TABLES = List.of(TABLE);

    /** Logs a phrase for a rep; empty when the rep has logged {@link #PER_REP} others already. */
    Optional<Unmatched> log(Tx tx, long userId, String text, String lang, List<String> nearest, Instant now) {
        String t = text.strip();
        if (t.length() > MAX_TEXT) {
            t = t.substring(0, MAX_TEXT);
        }
        String key = Keys.of(userId, t.toLowerCase(Locale.ROOT));
        Optional<Unmatched> before = tx.get(TABLE, key);
        if (before.isEmpty() && tx.withPrefix(TABLE, Keys.under(userId)).size() >= PER_REP) {
            return Optional.empty();
        }
        Unmatched u = before.map(b -> new Unmatched(userId, b.text(), b.lang(), nearest, b.firstAt(), now, b.times() + 1))
                .orElse(new Unmatched(userId, t, lang, nearest, now, now, 1));
        tx.put(TABLE, key, u);
        return Optional.of(u);
    }

    /** Every rep's logged phrases, most often logged first, then the latest. */
    public static List<Unmatched> all(Tx tx) {
        return tx.withPrefix(TABLE, "").stream()
                .sorted(Comparator.comparingInt(Unmatched::times).reversed()
                        .thenComparing(Unmatched::lastAt, Comparator.reverseOrder()))
                .toList();
    }
}
