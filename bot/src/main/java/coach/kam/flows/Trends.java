package coach.kam.flows;

import coach.kam.knowledge.Flow;
import java.time.Instant;
import java.util.Map;

/** How an account moved since its evaluation before: the tiers, the date, and the group that moved most. */
public final class Trends {
    private Trends() {
    }

    /**
     * From tier {@code fromTier} (evaluated {@code since}) to {@code toTier}; {@code group} is the
     * scoring group whose points changed most ({@code change} of them), null when none changed.
     */
    public record Move(String fromTier, String toTier, Instant since, String group, int change) {
    }

    /** The move from the evaluation before to a result with this tier and these group points. */
    public static Move between(AccountFacts.Evaluation before, String tier, Map<String, Integer> groups) {
        String biggest = null;
        int change = 0;
        for (var g : groups.entrySet()) {
            int d = g.getValue() - before.groups().getOrDefault(g.getKey(), g.getValue());
            if (Math.abs(d) > Math.abs(change)) {
                change = d;
                biggest = g.getKey();
            }
        }
        return new Move(before.tier(), tier, before.at(), biggest, change);
    }

    /** A scoring group's title in the language, or its id when the flow file no longer has it. */
    public static String groupTitle(Flow flow, String groupId, String lang) {
        return flow.scoring().groups().stream().filter(g -> g.id().equals(groupId)).findFirst()
                .map(g -> g.title().in(lang)).orElse(groupId);
    }
}
