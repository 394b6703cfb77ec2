package coach.kam.intent;

import coach.kam.text.Head;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a line a rep typed with an account open as a note, a question or the customer's words,
 * from cheap signals in Chinese and English; no search index, no model. Each signal adds to the
 * score of one reading, the highest wins, and the signals are kept so a decision can be explained:
 * <ul>
 * <li>question: a question mark, question words (怎么, 如何, 为什么, 吗 at the end; how, what, should
 *     I ... at the start), asking forms (请问, 教我, 讲讲; explain, tell me, any tips);</li>
 * <li>customer's words: a reporting verb after a person (客户说, 他原话是, they said, his words were),
 *     quotation marks, or a short line carrying an objection cue (太贵了, 没预算; too expensive, no budget);</li>
 * <li>note: the default, made stronger by dates and times, done-verbs (拜访了, 已发, met, sent),
 *     reminders (跟进, 记得, TODO) and length without a question mark (dictated run-ons).</li>
 * </ul>
 * A question someone else asked ("客户问能不能便宜点", "he asked whether ...") is their words, not a
 * question for the coach.
 */
public final class IntentReader {
    /** How far the winner must lead for the reading to count as clear. */
    static final double MARGIN = 1.0;
    /**
     * How much of a line is read. What a line is shows in its first sentences; reading the rest of
     * a 4,096-character paste would only cost time. The whole line is still what gets saved.
     */
    static final int READ_CHARS = 500;

    private static final String PERSON_ZH = "(?:客户|对方|他们|她们|他|她|采购|买家|老板|领导|财务|负责人|总监|经理|老总"
            + "|[\\u4e00-\\u9fa5]总|[\\u4e00-\\u9fa5]经理|[\\u4e00-\\u9fa5]姐|[\\u4e00-\\u9fa5]哥)";
    private static final Pattern REPORT_ZH = Pattern.compile(PERSON_ZH
            + "(?:[^，,。.!！?？]{0,6}?)(?:说|讲|表示|反馈|原话|嫌|抱怨|担心|觉得|认为|告诉我|跟我说|回复|坚持|要求)"
            + "(?:是|道)?[:：,，]?\\s*");
    private static final Pattern ASKED_ZH = Pattern.compile(PERSON_ZH + "(?:[^，,。]{0,4}?)(?:问|想知道|打听)");
    private static final Pattern REPORT_EN = Pattern.compile(
            "\\b(?:customer|client|buyer|procurement|purchasing|he|she|they|boss|cfo|ceo|vp|manager|director|owner"
            + "|[a-z]+(?:'s)?)\\s+(?:just\\s+)?(?:said|says|told me|tells me|complained|complains|worried|worries"
            + "|is worried|are worried|thinks|think|feels|insists|insisted|claims|claimed|objected)\\b[:,]?\\s*");
    private static final Pattern WORDS_EN = Pattern.compile("\\b(?:(?:his|her|their|exact|the buyer's|customer's)\\s+words"
            + "(?: were| was)?)\\b[:,]?\\s*");
    private static final Pattern ASKED_EN = Pattern.compile(
            "\\b(?:customer|client|buyer|he|she|they|procurement|[a-z]+)\\s+(?:asked|asks|wants to know|wanted to know"
            + "|want to know)\\b");

    private static final Pattern QMARK_END = Pattern.compile("[?？]\\s*+$");
    private static final Pattern QMARK = Pattern.compile("[?？]");
    private static final Pattern QWORD_ZH = Pattern.compile(
            "怎么|怎样|如何|什么|哪些|哪个|哪里|哪几|为什么|为啥|是否|要不要|该不该|能不能|可不可以|有没有|多少|几种|几个|多久"
            + "|咋|啥|[吗呢么]$|有什么(?:技巧|建议|办法|方法)|怎么办");
    private static final Pattern ASKING_ZH = Pattern.compile(
            "^(?:请问|想问|问一下|我想问|我想知道|教我|教教我|帮我|给我讲|讲讲|说说|介绍一下|解释一下|列一下|那个我想问)"
            + "|我(?:该|应该|要怎么|能不能|可以)|请问|想问一下|我想知道");
    private static final Pattern QSTART_EN = Pattern.compile(
            "^(?:how|what|what's|whats|when|why|which|who|where|should|can|could|would|is|are|do|does|did|any"
            + "|tips|explain|tell me|give me|help me|show me|walk me|teach me|best way|ways to)\\b");
    private static final Pattern ASKING_EN = Pattern.compile(
            "\\b(?:how do i|how do you|how can i|how should i|how to|how often|what should i|what do i|what's the"
            + "|what is the|what are|is there any way|is there a way|any advice|any tips|i wanted to ask|i want to know"
            + "|should i|where would i|where do i|where can i|what questions)\\b");

    private static final Pattern CUE_ZH = Pattern.compile(
            "太贵|贵了|价格(?:太|高)|便宜|降价|打折|预算|没钱|供应商|合作伙伴|考虑考虑|再考虑|再想想|想一想|太忙|没时间|忙不过来"
            + "|发(?:个|点|些)?资料|先发|不需要|用不上|没需求|说了不算|决定不了|问老板|问领导|领导(?:决定|拍板)|时机不对|不是时候"
            + "|明年再|年后再|合同还|签了.{0,4}合同|违约金|账期|付款|回款|质量|不稳定|被坑|体验很差|上次合作|公司太小|小公司"
            + "|不放心|竞品|别家|贵太多|不感兴趣|没兴趣|不合适");
    private static final Pattern CUE_EN = Pattern.compile(
            "\\b(?:too (?:expensive|pricey|high|much|busy|small)|expensive|cheaper|price is|pricing is|budget|no money"
            + "|afford|already have|current (?:supplier|vendor)|supplier|vendor|think about it|think it over|busy|no time"
            + "|send (?:me |us )?(?:some )?(?:info|materials|brochure|deck)|don't need|do not need|no need|not interested"
            + "|not (?:my|his|her) decision|run it by|check with (?:my|his|her) boss|approval|wrong time|bad timing"
            + "|next year|locked in|locked into|contract|penalty|terms|payment|quality|bad experience|burned|burnt"
            + "|too small|risk|go any lower|lower on price|competitor)\\b");
    private static final Pattern CUSTOMER_VOICE = Pattern.compile(
            "^(?:我们|咱们|你们|你先|这事|现在不|没预算|预算不|太贵|太忙|we |we're |our |your |you |just send|not |no |i need to run)");

    private static final Pattern WHEN = Pattern.compile(
            "今天|昨天|明天|后天|上午|下午|晚上|刚才|刚刚|下周|上周|本周|这周|周[一二三四五六日末]|星期|月底|月初|年底|号|[0-9]"
            + "|\\b(?:today|yesterday|tomorrow|tonight|this morning|next|last|monday|tuesday|wednesday|thursday|friday"
            + "|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december"
            + "|q[1-4]|am|pm)\\b");
    private static final Pattern DONE = Pattern.compile(
            "拜访了|见了|聊了|发了|寄|约了|已经|已|签了|谈了|去了|出来|开完|吃了个饭|加了|换成|到期|挂网|涨了|降了|交了|满意|引荐|对接人"
            + "|\\b(?:met|sent|shipped|booked|called|signed|talked|left|visited|followed|went|lost|won|changed|switched"
            + "|came from|is on leave|goes live|expires|starts|hinted|liked)\\b");
    private static final Pattern REMIND = Pattern.compile("跟进|记得|下次|待办|提醒|要提前|\\b(?:todo|follow up|reminder|remember to)\\b");
    private static final Pattern HAN = Pattern.compile("[\\u4e00-\\u9fa5]");

    private IntentReader() {
    }

    /** The rest of the line as the rep typed it (full-width punctuation kept) when the offsets still line up. */
    private static String wordsAfter(String original, String normalised, String lower, int end) {
        String base = original.length() == lower.length() ? original
                : normalised.length() == lower.length() ? normalised : lower;
        return base.substring(Math.min(end, base.length())).strip();
    }

    /**
     * Reads the first {@link #READ_CHARS} characters of {@code raw} (the customer's words come
     * from them too) and whether the whole line ends with a question mark.
     */
    public static Reading read(String raw) {
        String whole = raw == null ? "" : raw.strip();
        String original = Head.of(whole, READ_CHARS).strip();
        String text = Normalizer.normalize(original, Normalizer.Form.NFKC).strip();
        String end = original.length() == whole.length() ? text : Normalizer.normalize(whole, Normalizer.Form.NFKC).strip();
        String lower = text.toLowerCase(Locale.ROOT);
        boolean zh = HAN.matcher(text).find();
        int length = zh ? text.codePointCount(0, text.length()) : lower.split("\\s+").length;
        boolean longLine = zh ? length > 45 : length > 22;
        boolean shortLine = zh ? length <= 14 : length <= 7;
        List<String> signals = new ArrayList<>();
        double note = 1;
        double question = 0;
        double customer = 0;
        String words = null;

        Matcher report = (zh ? REPORT_ZH : REPORT_EN).matcher(lower);
        Matcher quoted = WORDS_EN.matcher(lower);
        boolean reported = false;
        if (report.find() && report.start() < (zh ? 12 : 40)) {
            reported = true;
            words = wordsAfter(original, text, lower, report.end());
            customer += 2;
            signals.add("reported speech");
        } else if (!zh && quoted.find()) {
            reported = true;
            words = wordsAfter(original, text, lower, quoted.end());
            customer += 2;
            signals.add("their words");
        }
        boolean asked = (zh ? ASKED_ZH : ASKED_EN).matcher(lower).find();
        if (asked && !reported) {
            customer += 2;
            reported = true;
            signals.add("a question the customer asked");
        }
        if (Scans.quoted(text)) {
            customer += 1;
            signals.add("quoted");
        }
        boolean cue = (zh ? CUE_ZH : CUE_EN).matcher(lower).find();
        if (cue) {
            customer += reported ? 1 : 0.5;
            signals.add("objection cue");
            if (shortLine || CUSTOMER_VOICE.matcher(lower).find()) {
                customer += 1.5;
                signals.add("said in the customer's voice");
            }
        }

        boolean asking = false;
        if (QMARK_END.matcher(end).find()) {
            question += 2.5;
            signals.add("ends with a question mark");
        } else if (QMARK.matcher(text).find()) {
            question += 1;
            signals.add("question mark");
        }
        if (zh && QWORD_ZH.matcher(text).find()) {
            question += 2;
            signals.add("question word");
        }
        if (zh ? ASKING_ZH.matcher(text).find() : ASKING_EN.matcher(lower).find()) {
            question += 1.5;
            asking = true;
            signals.add("asks the coach");
        }
        if (!zh && QSTART_EN.matcher(Scans.withoutFillers(lower)).find()) {
            question += 2;
            signals.add("starts like a question");
        }
        if (reported && !asking) {
            // the question words are the customer's: "客户问能不能便宜点", "he asked whether ..."
            question = Math.max(0, question - 2.5);
        }

        if (WHEN.matcher(lower).find()) {
            note += 1;
            signals.add("date or number");
        }
        if (DONE.matcher(lower).find()) {
            note += 1;
            signals.add("something done");
        }
        if (REMIND.matcher(lower).find()) {
            note += 1;
            signals.add("reminder");
        }
        if (longLine && question < 1.5) {
            note += 1;
            signals.add("long report");
        }

        Intent intent;
        double best;
        double second;
        if (question >= customer && question >= note) {
            intent = Intent.QUESTION;
            best = question;
            second = Math.max(customer, note);
        } else if (customer >= note) {
            intent = Intent.CUSTOMER_WORDS;
            best = customer;
            second = Math.max(question, note);
        } else {
            intent = Intent.NOTE;
            best = note;
            second = Math.max(question, customer);
        }
        if (words == null || words.isBlank()) {
            words = text;
        }
        return new Reading(intent, best - second >= MARGIN, words, signals, note, question, customer);
    }
}
