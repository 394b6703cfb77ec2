package coach.kam.ask;

import coach.kam.store.Table;
import coach.kam.store.Tx;
import java.util.List;
import java.util.Optional;

/** The sources of a rep's last answer, kept so that its buttons (full section, next source) work later. */
public record LastAnswer(String question, List<Answer.Source> sources) {
    private static final Table<LastAnswer> TABLE = Table.of("ask-last", LastAnswer.class);

    public static void save(Tx tx, long userId, Answer answer) {
        tx.put(TABLE, Long.toString(userId), new LastAnswer(answer.question(), answer.sources()));
    }

    public static Optional<LastAnswer> of(Tx tx, long userId) {
        return tx.get(TABLE, Long.toString(userId));
    }
}
