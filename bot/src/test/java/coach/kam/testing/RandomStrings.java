package coach.kam.testing;

import java.util.List;
import java.util.Random;

/**
 * Short strings made of a few chosen pieces in random order, reproducible from a seed: for
 * checking that a plain scan agrees with the regular expression it replaced, on inputs short
 * enough for the regular expression to be safe.
 */
public final class RandomStrings {
    private final Random random;
    private final List<String> pieces;

    public RandomStrings(long seed, String... pieces) {
        this.random = new Random(seed);
        this.pieces = List.of(pieces);
    }

    /** Up to {@code maxPieces} pieces, joined. */
    public String next(int maxPieces) {
        int n = random.nextInt(maxPieces + 1);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < n; i++) {
            out.append(pieces.get(random.nextInt(pieces.size())));
        }
        return out.toString();
    }
}
