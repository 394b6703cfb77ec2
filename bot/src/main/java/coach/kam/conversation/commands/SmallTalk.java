package coach.kam.conversation.commands;

import coach.kam.conversation.Turn;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Greetings, thanks, a thumbs-up and a bare "help": a short human reply in the rep's own language
 * (the language they chose, not the language of the word), instead of a search of the knowledge
 * base or a note. Only a whole message counts: "谢谢王总帮忙引荐" is a note.
 */
final class SmallTalk {
    private static final Set<String> HELLO = Set.of("hi", "hello", "hey", "hiya", "yo", "hi there", "hello there",
            "good morning", "morning", "good afternoon", "good evening", "你好", "您好", "嗨", "哈喽", "哈啰", "hello呀",
            "在吗", "在不在", "早", "早上好", "早安", "下午好", "晚上好", "你好呀", "你好啊");
    private static final Set<String> THANKS = Set.of("thanks", "thank you", "thx", "ty", "thanks a lot", "many thanks",
            "cheers", "thank u", "谢谢", "多谢", "谢了", "感谢", "谢谢你", "谢谢啦", "太感谢了", "辛苦了", "感恩");
    private static final Set<String> OK = Set.of("ok", "okay", "k", "got it", "cool", "great", "nice", "good", "sure",
            "好", "好的", "好滴", "收到", "嗯", "嗯嗯", "行", "可以", "明白", "明白了", "知道了", "👍", "👌", "🙏", "💪",
            "👏", "😀", "😊", "🙂", "👍🏻", "👍🏼", "👍🏽", "👍🏾", "👍🏿", "🆗");
    private static final Set<String> HELP = Set.of("help", "help me", "menu", "commands", "帮助", "帮帮我", "菜单",
            "命令", "怎么用", "你能做什么", "what can you do", "?", "？");

    private SmallTalk() {
    }

    /** The reply, when the whole message is small talk. */
    static Optional<String> reply(Turn turn, String text) {
        return kind(text).map(k -> switch (k) {
            case HELLO -> turn.t("smalltalk.hello");
            case THANKS -> turn.t("smalltalk.thanks");
            case OK -> turn.t("smalltalk.ok");
            case HELP -> turn.t("help.full");
            case UNDO -> turn.t("smalltalk.undo");
        });
    }

    enum Kind { HELLO, THANKS, OK, HELP, UNDO }

    /** "删除上一条笔记", "undo that": pointed to /undo rather than saved as a note or searched. */
    private static final java.util.regex.Pattern UNDO = java.util.regex.Pattern.compile(
            "^(?:删除|删掉|撤回|撤销|取消)(?:上一条|刚才那条|刚才的|最后一条|那条)?(?:笔记|记录)?"
            + "|^(?:undo|undo (?:that|it|the last note)|delete (?:the |my )?last note|delete that note|take (?:that|it) back)$");

    static Optional<Kind> kind(String text) {
        String t = Normalizer.normalize(text, Normalizer.Form.NFKC).strip().toLowerCase(Locale.ROOT)
                .replaceAll("[\\u200B-\\u200D\\uFE0F]", "");
        t = SmallTalkText.withoutTrailing(t, "!！.。~～,，").replaceAll("\\s+", " ");
        if ("?".equals(t) || "？".equals(t)) {
            return Optional.of(Kind.HELP);
        }
        t = SmallTalkText.withoutTrailing(t, "?？");
        if (t.length() <= 12 && UNDO.matcher(t).find() && !t.matches("^(?:删除|删掉|取消)$")) {
            return Optional.of(Kind.UNDO);
        }
        // a repeated emoji or word: "👍👍", "谢谢谢谢"
        String once = SmallTalkText.unit(t);
        for (String s : new String[] {t, once}) {
            if (HELLO.contains(s)) {
                return Optional.of(Kind.HELLO);
            }
            if (THANKS.contains(s)) {
                return Optional.of(Kind.THANKS);
            }
            if (OK.contains(s)) {
                return Optional.of(Kind.OK);
            }
            if (HELP.contains(s)) {
                return Optional.of(Kind.HELP);
            }
        }
        return Optional.empty();
    }
}
