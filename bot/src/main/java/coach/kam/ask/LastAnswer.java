package coach.kam.ask;

import coach.kam.store.Keys;
import coach.kam.store.Table;
import coach.kam.store.Tx;
import java.util.List;
import java.util.Optional;

/** The sources of a rep's last answer, kept so that its buttons (full section, next source) work later. */
public record LastAnswer(String question, List<Answer.Source> sources) {
    private static final Table<LastAnswer> TABLE = Table.owned("ask-last", LastAnswer.class);

    /** The tables kept here, for the program's catalogue ({@code coach.kam.Catalogue}). */
    public static final List<Table<?>> TABLES = List.of(TABLE);

    public static void save(Tx tx, long userId, Answer answer) {
        tx.put(TABLE, Keys.of(userId), new LastAnswer(answer.question(), answer.sources()));
    }

    public static Optional<LastAnswer> of(Tx tx, long userId) {
        return tx.get(TABLE, Keys.of(userId));
    }
}
