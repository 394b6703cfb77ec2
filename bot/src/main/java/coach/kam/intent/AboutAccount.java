package coach.kam.intent;

import coach.kam.text.Head;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The third kind of question, next to a methodology question and a note: a question about the
 * account itself, answered from the rep's own records ("when is their next tender?", "what did
 * jim say about pricing last time?", "他们下次招标是什么时候", "上次王总对价格怎么说"). Read by plain
 * substring scans over the first {@value #READ_CHARS} characters; no regular expression runs over
 * the text.
 */
public final class AboutAccount {
    /** What a line is, read as a question. */
    public enum Kind {
        /** Not a question: read it as before (a note, the customer's words). */
        NONE,
        /** A question about the account's own records. */
        ACCOUNT,
        /** A methodology question. */
        METHOD,
        /** Could be either: answered both ways in one reply. */
        BOTH
    }

    /** The kind with the scores and the signals that fired. */
    public record Reading(Kind kind, double account, double method, List<String> signals) {
        public Reading {
            signals = List.copyOf(signals);
        }

        /** Read again knowing the line names one of the rep's accounts ("when is acme's next tender?"). */
        public Reading withNamedAccount() {
            if (kind == Kind.NONE) {
                return this;
            }
            List<String> more = new ArrayList<>(signals);
            more.add("names an account");
            return new Reading(decide(account + 1.0, method), account + 1.0, method, more);
        }
    }

    static final int READ_CHARS = 300;
    /** How far one side must lead for the reading to be sure. */
    static final double MARGIN = 1.0;

    private static final List<String> RECALL_ZH = List.of("上次", "上回", "之前", "以前", "下次", "下回", "最近一次", "上个月",
            "去年", "那次", "了吗", "了没", "说过", "提过", "提到", "讲过", "答应", "承诺");
    private static final List<String> THEM_ZH = List.of("他们", "她们", "对方", "这家", "该客户", "他家", "人家");
    private static final List<String> SAID_ZH = List.of("怎么说", "说了什么", "说什么", "说的", "怎么讲", "什么意见", "什么态度",
            "态度", "反馈");
    private static final List<String> FACT_ZH = List.of("什么时候", "哪天", "几号", "多久", "谁", "多少", "哪个", "哪家",
            "招标", "预算", "合同", "到期", "联系人", "决策", "采购周期", "账期", "报价", "样品", "商机", "签约", "拜访", "跟进");
    private static final List<String> METHOD_ZH = List.of("怎么办", "如何", "怎么做", "怎么准备", "怎么处理", "怎么应对",
            "怎么谈", "怎么写", "怎么判断", "怎么开", "怎么问", "技巧", "方法", "建议", "步骤", "原则", "我该", "应该怎么",
            "要注意", "有什么好", "什么是", "为什么要", "话术", "模板");
    private static final List<String> QUESTION_ZH = List.of("什么", "怎么", "哪", "谁", "几号", "几月", "几点", "几天",
            "几个月", "几家", "多少", "是否", "有没有", "多久");

    private static final List<String> RECALL_EN = List.of("last time", "last week", "last month", "last year", "next time",
            "previous", "before", " did ", "said", "say about", "mention", "told us", "told me", "promised", "agreed",
            "we discussed", "we talked");
    private static final List<String> THEM_EN = List.of("their ", "they ", "them ", "they're", "theirs", "his ",
            "her ", " he ", " she ");
    private static final List<String> FACT_EN = List.of("when is", "when's", "when was", "when did", "when do", "who is",
            "who's", "who was", "how much", "how many", "what did", "what was", "what is their", "what's their", "which",
            "tender", "budget", "contract", "renewal", "deadline", "contact", "decision", "sample", "quote", "deal",
            "visit");
    private static final List<String> METHOD_EN = List.of("how do i", "how should i", "how can i", "how to ", "how do you",
            "tips", "best way", "should i", "what should i", "explain", "what is a ", "what's a ", "what are the steps",
            "any advice", "technique", "framework", "template", "in general", "how do we");
    private static final List<String> QUESTION_START_EN = List.of("when", "what", "who", "where", "which", "how", "did",
            "does", "do", "is", "are", "was", "were", "has", "have", "can", "could", "should", "any");

    private AboutAccount() {
    }

    public static Reading read(String raw) {
        String text = Normalizer.normalize(Head.of(raw == null ? "" : raw, READ_CHARS), Normalizer.Form.NFKC).strip();
        String lower = " " + text.toLowerCase(Locale.ROOT) + " ";
        boolean zh = hasHan(text);
        List<String> signals = new ArrayList<>();
        if (!question(text, lower, zh)) {
            return new Reading(Kind.NONE, 0, 0, List.of("not a question"));
        }
        double account = 0;
        double method = 0;
        account += count(lower, zh ? RECALL_ZH : RECALL_EN, 1.5, "recalls a moment", signals);
        account += count(lower, zh ? THEM_ZH : THEM_EN, 1.0, "about them", signals);
        account += count(lower, zh ? FACT_ZH : FACT_EN, 0.75, "asks a fact", signals);
        if (zh) {
            account += count(lower, SAID_ZH, 1.0, "what someone said", signals);
            if (namedPerson(text)) {
                account += 1.0;
                signals.add("a named person");
            }
        }
        method += count(lower, zh ? METHOD_ZH : METHOD_EN, 2.0, "asks how to", signals);
        return new Reading(decide(account, method), account, method, signals);
    }

    private static Kind decide(double account, double method) {
        if (account >= 1.5 && account - method >= MARGIN) {
            return Kind.ACCOUNT;
        }
        if (account >= 1.0 && Math.abs(account - method) < MARGIN + 0.5) {
            return Kind.BOTH;
        }
        return Kind.METHOD;
    }

    /** Each list counts once, however many of its words are there. */
    private static double count(String lower, List<String> words, double weight, String signal, List<String> signals) {
        for (String w : words) {
            if (lower.contains(w)) {
                signals.add(signal + " (" + w.strip() + ")");
                return weight;
            }
        }
        return 0;
    }

    private static boolean question(String text, String lower, boolean zh) {
        if (text.endsWith("?") || text.endsWith("？")) {
            return true;
        }
        if (zh) {
            if (text.endsWith("吗") || text.endsWith("呢") || text.endsWith("么")) {
                return true;
            }
            for (String w : QUESTION_ZH) {
                if (text.contains(w)) {
                    return true;
                }
            }
            return false;
        }
        String first = Scans.withoutFillers(lower.strip());
        int space = first.indexOf(' ');
        String word = space < 0 ? first : first.substring(0, space);
        return QUESTION_START_EN.contains(word);
    }

    /** "王总", "李经理", "张姐": a surname character before a title. */
    private static boolean namedPerson(String text) {
        for (String title : List.of("总", "经理", "主任", "处长", "科长", "老师", "姐", "哥", "工")) {
            int at = text.indexOf(title, 1);
            while (at > 0) {
                if (isHan(text.charAt(at - 1)) && "老".indexOf(text.charAt(at - 1)) < 0) {
                    return true;
                }
                at = text.indexOf(title, at + 1);
            }
        }
        return false;
    }

    private static boolean hasHan(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (isHan(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isHan(char c) {
        return c >= '\u4e00' && c <= '\u9fa5';
    }
}
