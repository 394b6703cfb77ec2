package coach.kam.intent;

import java.util.List;

/**
 * How a typed line was read: the intent, whether the reading is clear (the winner leads by a
 * margin), the customer's own words when they were reported ("客户说太贵了" → "太贵了"), and the
 * signals that fired, for explaining a decision and for tests.
 */
public record Reading(Intent intent, boolean sure, String customerWords, List<String> signals,
                      double note, double question, double customer) {

    public Reading {
        signals = List.copyOf(signals);
    }
}
