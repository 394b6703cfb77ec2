package coach.kam.territory;

import coach.kam.knowledge.Checklist;
import coach.kam.knowledge.KnowledgeBase;
import coach.kam.store.Keys;
import coach.kam.store.Table;
import coach.kam.store.Tx;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where a rep's accounts sit on the market-planning patterns, one pattern per account. */
public final class Territory {
    public static final String CHECKLIST = "market-planning";

    /** An account's pattern (a section id of the market-planning checklist) and when it was set. */
    public record Placement(String pattern, Instant at) {
    }

    private static final Table<Placement> PLACEMENTS = Table.owned("territory", Placement.class);

    /** The tables kept here, for the program's catalogue ({@code coach.kam.Catalogue}). */
    public static final List<Table<?>> TABLES = List.of(PLACEMENTS);
    private final List<Checklist.Part> patterns;

    public Territory(KnowledgeBase knowledge) {
        this.patterns = knowledge.checklist(CHECKLIST).map(c -> c.sections().stream().filter(Checklist.Part::isPattern).toList())
                .orElse(List.of());
    }

    /** The patterns, in the knowledge file's order. */
    public List<Checklist.Part> patterns() {
        return patterns;
    }

    public Optional<Checklist.Part> pattern(String id) {
        return patterns.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    public void place(Tx tx, long rep, long accountId, String pattern, Instant now) {
        if (pattern(pattern).isEmpty()) {
            throw new IllegalArgumentException("no market pattern " + pattern);
        }
        tx.put(PLACEMENTS, Keys.of(rep, accountId), new Placement(pattern, now));
    }

    public Optional<Placement> of(Tx tx, long rep, long accountId) {
        return tx.get(PLACEMENTS, Keys.of(rep, accountId)).filter(p -> pattern(p.pattern()).isPresent());
    }

    public void forget(Tx tx, long rep, long accountId) {
        tx.delete(PLACEMENTS, Keys.of(rep, accountId));
    }
}
