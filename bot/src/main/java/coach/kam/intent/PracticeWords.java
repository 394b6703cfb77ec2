package coach.kam.intent;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;

/**
 * Whether a typed line asks to practise: "练习", "我想练习一下异议处理,你扮演客户", "考考我",
 * "practice objections", "quiz me". Only short lines are read (a note that mentions practice is
 * longer or does not start like a request), by plain prefix and word checks, no pattern.
 */
public final class PracticeWords {
    /** What the line asks for. */
    public enum Ask { NONE, DRILL, QUIZ }

    static final int MAX_ZH = 30;
    static final int MAX_EN = 60;
    private static final List<String> ZH_WORDS = List.of("练习", "陪练", "演练", "操练", "考考我", "测验", "小测", "扮演客户", "模拟客户");
    private static final List<String> ZH_STARTS = List.of("我想", "我要", "想", "要", "来", "开始", "练习", "陪练", "演练", "陪我", "帮我",
            "考考", "咱们", "我们", "测验", "小测", "你扮演", "扮演", "模拟", "再来");
    private static final List<String> ZH_QUIZ = List.of("考考我", "测验", "小测", "考一考", "出题");
    private static final List<String> EN_STARTS = List.of("practice", "practise", "let's practice", "let's practise",
            "lets practice", "i want to practice", "i want to practise", "i'd like to practice", "can we practice",
            "quiz me", "drill me", "role play", "roleplay", "let's role play", "test me", "start a drill", "start practice");
    private static final List<String> EN_AFTER_BARE = List.of("", "objection", "objections", "objection handling", "with me",
            "now", "please", "a bit", "some", "again", "time", "quiz");

    private PracticeWords() {
    }

    public static Ask read(String raw) {
        if (raw == null) {
            return Ask.NONE;
        }
        String head = raw.strip();
        if (head.length() > MAX_EN * 2) {
            return Ask.NONE;
        }
        String t = Normalizer.normalize(head, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).strip();
        if (hasHan(t)) {
            if (t.codePointCount(0, t.length()) > MAX_ZH || ZH_WORDS.stream().noneMatch(t::contains)
                    || ZH_STARTS.stream().noneMatch(t::startsWith)) {
                return Ask.NONE;
            }
            return ZH_QUIZ.stream().anyMatch(t::contains) ? Ask.QUIZ : Ask.DRILL;
        }
        if (t.length() > MAX_EN) {
            return Ask.NONE;
        }
        String words = words(t);
        for (String start : EN_STARTS) {
            if (words.equals(start) || words.startsWith(start + " ")) {
                String rest = words.substring(start.length()).strip();
                boolean bare = start.equals("practice") || start.equals("practise");
                if (bare && !EN_AFTER_BARE.contains(rest) && !rest.startsWith("objection")) {
                    return Ask.NONE;
                }
                return start.contains("quiz") || start.contains("test") || rest.contains("quiz") ? Ask.QUIZ : Ask.DRILL;
            }
        }
        return Ask.NONE;
    }

    /** Letters, digits and apostrophes, one space between words. */
    private static String words(String t) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (Character.isLetterOrDigit(c) || c == '\'') {
                b.append(c);
            } else if (b.length() > 0 && b.charAt(b.length() - 1) != ' ') {
                b.append(' ');
            }
        }
        return b.toString().strip();
    }

    private static boolean hasHan(String t) {
        for (int i = 0; i < t.length(); i++) {
            if (Character.UnicodeScript.of(t.charAt(i)) == Character.UnicodeScript.HAN) {
                return true;
            }
        }
        return false;
    }
}
