package coach.kam.when;

import java.util.Locale;
import java.util.Map;

/** Arabic digits, Chinese numerals up to 99 and a few English number words. */
final class Numbers {
    /** A number as typed: Arabic digits or Chinese numerals (一 … 九十九, 两, 零/〇). */
    static final String NUM = "(?:\\d{1,4}|[零〇一二两三四五六七八九十]{1,3})";
    /** An English count: digits, a/an, or one of the words in {@link #WORDS}. */
    static final String EN_COUNT = "(?:\\d{1,4}|an?|one|two|three|four|five|six|seven|eight|nine|ten"
            + "|eleven|twelve|fifteen|twenty|thirty|forty|forty-five|fifty|sixty)";

    private static final String DIGITS = "零一二三四五六七八九";
    private static final Map<String, Integer> WORDS = Map.ofEntries(
            Map.entry("a", 1), Map.entry("an", 1), Map.entry("one", 1), Map.entry("two", 2),
            Map.entry("three", 3), Map.entry("four", 4), Map.entry("five", 5), Map.entry("six", 6),
            Map.entry("seven", 7), Map.entry("eight", 8), Map.entry("nine", 9), Map.entry("ten", 10),
            Map.entry("eleven", 11), Map.entry("twelve", 12), Map.entry("fifteen", 15),
            Map.entry("twenty", 20), Map.entry("thirty", 30), Map.entry("forty", 40),
            Map.entry("forty-five", 45), Map.entry("fifty", 50), Map.entry("sixty", 60));

    private Numbers() {
    }

    /** Value of a {@link #NUM} or {@link #EN_COUNT} match. */
    static int value(String s) {
        String t = s.strip().toLowerCase(Locale.ROOT);
        if (t.chars().allMatch(Character::isDigit)) {
            return Integer.parseInt(t);
        }
        Integer word = WORDS.get(t);
        return word != null ? word : chinese(t);
    }

    private static int chinese(String s) {
        int ten = s.indexOf('十');
        if (ten < 0) {
            int v = 0;
            for (char c : s.toCharArray()) {
                v = v * 10 + digit(c);
            }
            return v;
        }
        int tens = ten == 0 ? 1 : digit(s.charAt(ten - 1));
        int ones = ten == s.length() - 1 ? 0 : digit(s.charAt(ten + 1));
        return tens * 10 + ones;
    }

    private static int digit(char c) {
        if (c == '两') {
            return 2;
        }
        if (c == '〇') {
            return 0;
        }
        int d = DIGITS.indexOf(c);
        if (d < 0) {
            throw Unsure.invalid();
        }
        return d;
    }
}
