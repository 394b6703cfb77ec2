package coach.kam.ops;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The checks behind {@code /healthz} (liveness: the bot's threads work) and {@code /readyz} (it can
 * serve: the store is open, the search index built). A check is a name and a supplier of the
 * reason it fails (empty while it holds); more can be added at any time, e.g. the store's own
 * outage reason.
 */
public final class Health {
    /** One named condition: empty while it holds, else why not. */
    public record Check(String name, Supplier<Optional<String>> problem) {
    }

    private final List<Check> liveness = new CopyOnWriteArrayList<>();
    private final List<Check> readiness = new CopyOnWriteArrayList<>();

    public Health live(String name, Supplier<Optional<String>> problem) {
        liveness.add(new Check(name, problem));
        return this;
    }

    public Health ready(String name, Supplier<Optional<String>> problem) {
        readiness.add(new Check(name, problem));
        return this;
    }

    /** What fails for liveness, as "name: reason" (empty: healthy). */
    public List<String> livenessProblems() {
        return problems(liveness);
    }

    /** What fails for readiness (liveness included: a stuck bot is not ready either). */
    public List<String> readinessProblems() {
        List<String> all = new ArrayList<>(problems(liveness));
        all.addAll(problems(readiness));
        return all;
    }

    /** The names of the checks, liveness first, for the JSON answer. */
    public Map<String, List<String>> names() {
        return Map.of("live", liveness.stream().map(Check::name).toList(),
                "ready", readiness.stream().map(Check::name).toList());
    }

    private static List<String> problems(List<Check> checks) {
        List<String> out = new ArrayList<>();
        for (Check c : checks) {
            Optional<String> p;
            try {
                p = c.problem().get();
            } catch (RuntimeException e) {
                p = Optional.of("the check failed: " + e);
            }
            p.ifPresent(reason -> out.add(c.name() + ": " + reason));
        }
        return out;
    }

    // ---------------------------------------------------------------- common checks

    /** Fails while {@code alive} is false, with {@code reason}. */
    public static Supplier<Optional<String>> alive(BooleanSupplier alive, String reason) {
        return () -> alive.getAsBoolean() ? Optional.empty() : Optional.of(reason);
    }

    /**
     * Fails when {@code marker} (a value that changes whenever the thing being watched shows life)
     * stayed the same for longer than {@code limit} by {@code clock}. The first look counts as life.
     */
    public static Supplier<Optional<String>> progress(LongSupplier marker, Duration limit, Clock clock, String what) {
        long[] seen = {Long.MIN_VALUE, 0};
        return () -> {
            long now = clock.millis();
            long m = marker.getAsLong();
            synchronized (seen) {
                if (m != seen[0]) {
                    seen[0] = m;
                    seen[1] = now;
                    return Optional.empty();
                }
                long still = now - seen[1];
                return still > limit.toMillis()
                        ? Optional.of(what + " has shown no progress for " + still / 1000 + " s (limit "
                                + limit.toSeconds() + " s)")
                        : Optional.empty();
            }
        };
    }

    /** Fails when {@code age} is over {@code limit}, naming it. */
    public static Supplier<Optional<String>> youngerThan(Supplier<Duration> age, Duration limit, String what) {
        return () -> {
            Duration a = age.get();
            return a.compareTo(limit) > 0
                    ? Optional.of(what + " is " + a.toSeconds() + " s old (limit " + limit.toSeconds() + " s)")
                    : Optional.empty();
        };
    }
}
