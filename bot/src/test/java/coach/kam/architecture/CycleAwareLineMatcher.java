package coach.kam.architecture;

import com.tngtech.archunit.library.freeze.ViolationLineMatcher;
import java.util.regex.Pattern;

/**
 * How a frozen violation is recognised again. A layer violation is one dependency: it matches when
 * it is the same apart from line numbers and the numbers of lambdas and anonymous classes. A cycle
 * is the cycle itself: "Slice conversation -> Slice flows -> Slice conversation" is the same known
 * cycle however many dependencies it runs through, so a new cycle still fails while an edit inside
 * a known one does not. Named in archunit.properties ({@code freeze.lineMatcher}).
 */
public final class CycleAwareLineMatcher implements ViolationLineMatcher {
    private static final String CYCLE = "Cycle detected:";
    private static final Pattern LINE_NUMBER = Pattern.compile("\\.java:\\d{1,7}\\)");
    private static final Pattern SYNTHETIC_NUMBER = Pattern.compile("\\$\\d{1,7}");

    @Override
    public boolean matches(String stored, String actual) {
        if (stored.startsWith(CYCLE) && actual.startsWith(CYCLE)) {
            return cycle(stored).equals(cycle(actual));
        }
        return normal(stored).equals(normal(actual));
    }

    /** The slices of a cycle, without the dependencies listed under them. */
    static String cycle(String description) {
        int details = description.indexOf("1. Dependencies of");
        String head = details < 0 ? description : description.substring(0, details);
        return head.replaceAll("\\s+", " ").strip();
    }

    private static String normal(String line) {
        return SYNTHETIC_NUMBER.matcher(LINE_NUMBER.matcher(line).replaceAll(".java)")).replaceAll("\\$");
    }
}
