package coach.kam.accounts;

import java.text.Normalizer;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Tolerant account-name matching for reps typing on a phone: case, width, spaces and punctuation
 * do not matter, a prefix or a part of the name is enough, and one slip of the thumb is forgiven.
 */
final class NameMatcher {
    private NameMatcher() {
    }

    static String normalise(String name) {
        String folded = Normalizer.normalize(name, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        return folded.replaceAll("[\\p{Punct}\\p{IsPunctuation}\\s]+", "");
    }

    /** Lower is better; {@link Integer#MAX_VALUE} means no match. */
    static int score(String query, String name) {
        String q = normalise(query);
        String n = normalise(name);
        if (q.isEmpty()) {
            return Integer.MAX_VALUE;
        }
        if (n.equals(q)) {
            return 0;
        }
        if (n.startsWith(q)) {
            return 1;
        }
        if (n.contains(q)) {
            return 2;
        }
        if (q.codePointCount(0, q.length()) < 4) {
            return Integer.MAX_VALUE;
        }
        // One slip against the start of the name: a wrong, a missing or an extra letter.
        for (int len = q.length() - 1; len <= q.length() + 1; len++) {
            if (len <= n.length() && withinOneEdit(q, n.substring(0, len))) {
                return 3;
            }
        }
        return Integer.MAX_VALUE;
    }

    static List<Account> best(String query, List<Account> accounts) {
        List<Account> hits = accounts.stream()
                .filter(a -> score(query, a.name()) < Integer.MAX_VALUE)
                .sorted(Comparator.comparingInt((Account a) -> score(query, a.name())).thenComparing(Account::name))
                .toList();
        if (!hits.isEmpty() && score(query, hits.get(0).name()) == 0) {
            return List.of(hits.get(0));
        }
        // Names that start with or contain what was typed beat names one slip away: "华东医药" is
        // the start of 华东医药集团 alone, although 华东医疗器械 is one character off.
        List<Account> close = hits.stream().filter(a -> score(query, a.name()) <= 2).toList();
        return close.isEmpty() ? hits : close;
    }

    private static boolean withinOneEdit(String a, String b) {
        if (Math.abs(a.length() - b.length()) > 1) {
            return false;
        }
        int i = 0;
        int j = 0;
        int edits = 0;
        while (i < a.length() && j < b.length()) {
            if (a.charAt(i) == b.charAt(j)) {
                i++;
                j++;
                continue;
            }
            if (++edits > 1) {
                return false;
            }
            if (a.length() > b.length()) {
                i++;
            } else if (a.length() < b.length()) {
                j++;
            } else {
                i++;
                j++;
            }
        }
        return edits + (a.length() - i) + (b.length() - j) <= 1;
    }
}
