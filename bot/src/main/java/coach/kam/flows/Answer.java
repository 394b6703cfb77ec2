package coach.kam.flows;

import java.util.List;

/**
 * One answer to a walkthrough step as the rep gave it: the canonical value, the chosen ids, or a
 * person. Stored inside a run and on the account, so its field names stay as they are.
 */
public record Answer(String value, List<String> ids, Person person) {
    public Answer {
        ids = ids == null ? List.of() : List.copyOf(ids);
    }

    public static Answer of(String value) {
        return new Answer(value, List.of(), null);
    }

    public static Answer choices(List<String> ids) {
        return new Answer(String.join(",", ids), ids, null);
    }
}
