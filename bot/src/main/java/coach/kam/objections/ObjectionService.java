package coach.kam.objections;

import coach.kam.knowledge.KnowledgeBase;
import coach.kam.knowledge.Objection;
import coach.kam.retrieval.SearchIndexes;
import coach.kam.store.Keys;
import coach.kam.store.Table;
import coach.kam.store.Tx;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Objection lookup, the rep's script order, feedback, and the last lookup per rep (for its buttons). */
public final class ObjectionService {
    /** The last phrase a rep looked up, so "log to account" can record what the customer said. */
    public record LastLookup(String query, String objectionId) {
    }

    private static final Table<LastLookup> LAST = Table.owned("objection-last", LastLookup.class);

    /** The tables kept here, for the program's catalogue ({@code coach.kam.Catalogue}). */
    public static final List<Table<?>> TABLES = List.of(LAST);
    private static final Duration INDEX_WAIT = Duration.ofSeconds(120);

    private final KnowledgeBase knowledge;
    private final SearchIndexes indexes;
    private final ScriptFeedback feedback = new ScriptFeedback();
    private final UnmatchedPhrases unmatched = new UnmatchedPhrases();

    public ObjectionService(KnowledgeBase knowledge, SearchIndexes indexes) {
        this.knowledge = knowledge;
        this.indexes = indexes;
    }

    public boolean ready() {
        return indexes.ifReady().isPresent();
    }

    /** Blocks until the search index is built (never on the chat transaction). */
    public void awaitReady() {
        indexes.await(INDEX_WAIT);
    }

    /** Matches a phrase; waits for the index when it is still being built (call off the chat thread then). */
    public Lookup lookup(String said) {
        return new ObjectionMatcher(indexes.await(INDEX_WAIT).objections(), knowledge).match(said);
    }

    /** As {@link #lookup}, but only when the index is ready (never waits): for a button that needs the nearest again. */
    public Optional<Lookup> lookupIfReady(String said) {
        return indexes.ifReady().map(ready -> new ObjectionMatcher(ready.objections(), knowledge).match(said));
    }

    public Optional<Objection> objection(String id) {
        return knowledge.objection(id);
    }

    public List<Objection> all() {
        return knowledge.objections();
    }

    /** Script indexes in the order this rep should see them. */
    public List<Integer> scriptOrder(Tx tx, long userId, String id, String lang) {
        int n = knowledge.objection(id).map(o -> o.in(lang).scripts().size()).orElse(0);
        return feedback.order(tx, userId, id, lang, n);
    }

    public void feedback(Tx tx, long userId, String id, String lang, int script, boolean worked) {
        feedback.record(tx, userId, id, lang, script, worked);
    }

    /** The objections whose script this rep marked "it did not work". */
    public java.util.Set<String> disliked(Tx tx, long userId) {
        return feedback.disliked(tx, userId);
    }

    public void remember(Tx tx, long userId, String query, String id) {
        tx.put(LAST, Keys.of(userId), new LastLookup(query, id));
    }

    /**
     * Logs the rep's last looked-up phrase as one no objection covers ("log it as a new
     * objection"), with the nearest objections it was shown; empty when there is no phrase or the
     * rep's list is full.
     */
    public Optional<UnmatchedPhrases.Unmatched> logUnmatched(Tx tx, long userId, String lang, List<String> nearest,
                                                             Instant now) {
        return last(tx, userId).filter(l -> !l.query().isBlank())
                .flatMap(l -> unmatched.log(tx, userId, l.query(), lang, nearest, now));
    }

    public Optional<LastLookup> last(Tx tx, long userId) {
        return tx.get(LAST, Keys.of(userId));
    }
}
