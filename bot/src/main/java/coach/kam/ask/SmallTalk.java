package coach.kam.ask;

import coach.kam.retrieval.ChineseScript;
import java.util.Locale;
import java.util.Set;

/**
 * Greetings, thanks and a bare "help": words that are no question for the knowledge base, however
 * near their meaning may land ("help" appears in many sections). The chat layer answers these
 * itself; the ask path only has to say that the knowledge base does not cover them.
 */
final class SmallTalk {
    private static final Set<String> WORDS = Set.of("help", "hi", "hello", "hey", "thanks", "thank", "you", "ok", "okay",
            "yes", "no", "bye", "there", "please", "morning", "good", "night", "cheers", "thx", "ty", "sup", "yo",
            "你好", "您好", "谢谢", "多谢", "帮助", "帮忙", "在吗", "在不在", "哈喽", "嗨", "好的", "嗯", "早上好", "晚安", "再见",
            "拜拜", "收到", "好", "谢", "啦", "呀", "啊", "吗", "呢", "了", "我", "你", "一下", "请", "帮", "救命");

    private SmallTalk() {
    }

    /** True when the message is made of nothing but such words (and punctuation, emoji or space). */
    static boolean only(String message) {
        String text = ChineseScript.simplified(message).toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N}\\s]", " ").strip();
        if (text.isEmpty()) {
            return true;
        }
        for (String token : text.split("\\s+")) {
            if (!WORDS.contains(token) && !chineseWords(token)) {
                return false;
            }
        }
        return true;
    }

    /** A run of Chinese characters made only of the listed words, longest first. */
    private static boolean chineseWords(String token) {
        int i = 0;
        outer:
        while (i < token.length()) {
            for (int len = Math.min(4, token.length() - i); len > 0; len--) {
                if (WORDS.contains(token.substring(i, i + len))) {
                    i += len;
                    continue outer;
                }
            }
            return false;
        }
        return true;
    }
}
