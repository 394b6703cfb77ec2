package coach.kam.conversation.commands;

import coach.kam.accounts.Account;
import coach.kam.accounts.Accounts;
import coach.kam.text.Head;
import java.text.Normalizer;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The rep's account a line names, for a question asked with no account open ("when is acme's next
 * tender?", "九州通下次招标是什么时候"): the whole name (spacing and punctuation ignored), or its
 * first word as a word of the line (three letters at least), or its first three Chinese
 * characters. The longest match wins. Plain scans over the first 300 characters.
 */
final class NamedAccount {
    static final int READ_CHARS = 300;

    private NamedAccount() {
    }

    static Optional<Account> in(String text, List<Account> accounts) {
        String head = Head.of(text == null ? "" : text, READ_CHARS);
        String line = Accounts.nameKey(head);
        Set<String> words = words(head);
        Account best = null;
        int bestLength = 0;
        for (Account a : accounts) {
            int length = match(a.name(), line, words);
            if (length > bestLength) {
                best = a;
                bestLength = length;
            }
        }
        return Optional.ofNullable(best);
    }

    /** How much of the name the line holds (0: none). */
    private static int match(String name, String line, Set<String> words) {
        String key = Accounts.nameKey(name);
        if (key.length() >= 2 && line.contains(key)) {
            return key.length();
        }
        if (han(key.isEmpty() ? ' ' : key.charAt(0))) {
            return key.length() > 3 && line.contains(key.substring(0, 3)) ? 3 : 0;
        }
        String word = firstWord(name);
        return word.length() >= 3 && words.contains(word) ? word.length() : 0;
    }

    /** Words that start names without naming anything ("The Tender Group"). */
    private static final Set<String> ARTICLES = Set.of("the", "a", "an");

    /** The name's first run of letters and digits that is no article, lower case ("Acme Foods" → "acme"). */
    private static String firstWord(String name) {
        String folded = Normalizer.normalize(name, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT) + " ";
        StringBuilder w = new StringBuilder();
        for (int i = 0; i < folded.length(); i++) {
            char c = folded.charAt(i);
            if (Character.isLetterOrDigit(c) && !han(c)) {
                w.append(c);
            } else if (w.length() > 0) {
                if (!ARTICLES.contains(w.toString())) {
                    break;
                }
                w.setLength(0);
            }
        }
        return w.toString();
    }

    /** The line's words: runs of letters and digits, lower case. */
    private static Set<String> words(String text) {
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        Set<String> out = new HashSet<>();
        StringBuilder w = new StringBuilder();
        for (int i = 0; i <= folded.length(); i++) {
            char c = i < folded.length() ? folded.charAt(i) : ' ';
            if (Character.isLetterOrDigit(c) && !han(c)) {
                w.append(c);
            } else if (w.length() > 0) {
                out.add(w.toString());
                w.setLength(0);
            }
        }
        return out;
    }

    private static boolean han(char c) {
        return c >= '\u4e00' && c <= '\u9fa5';
    }
}
