package coach.kam.flows;

import coach.kam.knowledge.Flow;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns what a rep typed into the answer a step takes, or says what was wrong with it. Chinese
 * and English habits both count: "120万" and "1.2m", "12月5日" and "2026-12-05", a full-width comma.
 */
public final class AnswerParser {
    static final int MAX_TEXT = 200;
    static final int MAX_LONGTEXT = 2000;
    private static final Pattern NUMBER = Pattern.compile("[-+]?\\d[\\d,]*(?:\\.\\d+)?|[-+]?\\.\\d+");

    /** Either an answer, or the message key that explains what to type and its arguments. */
    public record Result(Answer answer, String problem, Object... args) {
        static Result ok(Answer a) {
            return new Result(a, null);
        }

        static Result bad(String key, Object... args) {
            return new Result(null, key, args);
        }

        public boolean ok() {
            return answer != null;
        }
    }

    private AnswerParser() {
    }

    static Result parse(Flow.Step step, String typed, String lang, LocalDate today) {
        String text = normalise(typed);
        if (text.isEmpty()) {
            return Result.bad("walk.bad.empty");
        }
        return switch (step.type()) {
            case CHOICE -> choice(step, text, lang);
            case MULTI -> multi(step, text, lang);
            case SCORE -> score(text);
            case NUMBER -> number(step, text);
            case MONEY -> money(text);
            case DATE -> date(text, today);
            case TEXT -> text.length() > MAX_TEXT ? Result.bad("walk.bad.long", MAX_TEXT) : Result.ok(Answer.of(text));
            case LONGTEXT -> text.length() > MAX_LONGTEXT ? Result.bad("walk.bad.long", MAX_LONGTEXT)
                    : Result.ok(Answer.of(text));
            case PERSON -> person(text);
        };
    }

    /** Full-width digits and punctuation as a phone's Chinese keyboard types them, trimmed. */
    static String normalise(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.strip().toCharArray()) {
            if (c >= '０' && c <= '９') {
                out.append((char) ('0' + (c - '０')));
            } else if (c == '．') {
                out.append('.');
            } else if (c == '％') {
                out.append('%');
            } else if (c == '，') {
                out.append(',');
            } else if (c == '－') {
                out.append('-');
            } else if (c == '／') {
                out.append('/');
            } else if (c == '：') {
                out.append(':');
            } else if (c == '\u3000') {
                out.append(' ');
            } else {
                out.append(c);
            }
        }
        return out.toString().strip();
    }

    private static Result choice(Flow.Step step, String text, String lang) {
        Optional<Flow.Choice> c = matchChoice(step, text);
        if (c.isEmpty()) {
            c = Terms.choose(step, text);
        }
        if (c.isPresent()) {
            return Result.ok(new Answer(c.get().id(), List.of(c.get().id()), null));
        }
        if (step.allowsOther() && text.length() <= MAX_TEXT) {
            return Result.ok(new Answer(text, List.of(), null));
        }
        return Result.bad("walk.bad.choice", labels(step, lang));
    }

    private static Result multi(Flow.Step step, String text, String lang) {
        List<String> ids = new ArrayList<>();
        for (String part : ChoiceList.parts(text)) {
            if (part.isBlank()) {
                continue;
            }
            Optional<Flow.Choice> c = matchChoice(step, part.strip());
            if (c.isEmpty()) {
                return Result.bad("walk.bad.choice", labels(step, lang));
            }
            if (!ids.contains(c.get().id())) {
                ids.add(c.get().id());
            }
        }
        return ids.isEmpty() ? Result.bad("walk.bad.choice", labels(step, lang)) : Result.ok(Answer.choices(ids));
    }

    /** A choice by its number in the list, its id, or its label in either language. */
    static Optional<Flow.Choice> matchChoice(Flow.Step step, String text) {
        List<Flow.Choice> choices = step.choices();
        if (text.matches("\\d{1,2}")) {
            int n = Integer.parseInt(text);
            return n >= 1 && n <= choices.size() ? Optional.of(choices.get(n - 1)) : Optional.empty();
        }
        String wanted = text.toLowerCase(Locale.ROOT);
        return choices.stream().filter(c -> c.id().equals(wanted) || c.zh().equalsIgnoreCase(text)
                || c.en().toLowerCase(Locale.ROOT).equals(wanted)).findFirst();
    }

    private static String labels(Flow.Step step, String lang) {
        return String.join(" / ", step.choices().stream().map(c -> c.label(lang)).toList());
    }

    private static Result score(String text) {
        String t = text.replaceAll("(分|points?|/5)$", "").strip();
        if (t.matches("[1-5]")) {
            return Result.ok(Answer.of(t));
        }
        int cn = "一二三四五".indexOf(t);
        return t.length() == 1 && cn >= 0 ? Result.ok(Answer.of(Integer.toString(cn + 1))) : Result.bad("walk.bad.score");
    }

    private static Result number(Flow.Step step, String text) {
        Matcher m = NUMBER.matcher(text);
        if (!m.find()) {
            return Result.bad("walk.bad.number");
        }
        BigDecimal value = new BigDecimal(m.group().replace(",", ""));
        String rest = text.substring(m.end()).strip();
        if (rest.startsWith("万")) {
            value = value.multiply(BigDecimal.valueOf(10_000));
        }
        if ((step.min() != null && value.doubleValue() < step.min()) || (step.max() != null && value.doubleValue() > step.max())) {
            return Result.bad("walk.bad.range", plain(step.min()), plain(step.max()));
        }
        return Result.ok(Answer.of(value.stripTrailingZeros().toPlainString()));
    }

    static Result money(String text) {
        return Amounts.parse(text).map(v -> Result.ok(Answer.of(v.stripTrailingZeros().toPlainString())))
                .orElse(Result.bad("walk.bad.money"));
    }

    static Result date(String text, LocalDate today) {
        return Dates.answer(text, today).map(d -> Result.ok(Answer.of(d))).orElse(Result.bad("walk.bad.date"));
    }

    private static Result person(String text) {
        if (text.length() > MAX_TEXT) {
            return Result.bad("walk.bad.long", MAX_TEXT);
        }
        String stance = Stances.find(text).orElse(null);
        String rest = stance == null ? text : Stances.strip(text);
        String[] parts = rest.split("\\s*[,;；/、]\\s*|\\s+-\\s+", 2);
        if (parts.length == 1 && rest.matches("\\p{IsHan}{1,4}\\s+.+")) {
            // "李娜 设备科主任": a Chinese name then the title, as a phone keyboard leaves it
            parts = rest.split("\\s+", 2);
        }
        String name = parts[0].strip();
        String title = parts.length > 1 ? parts[1].strip() : "";
        if (name.isEmpty()) {
            return Result.bad("walk.bad.person");
        }
        if (!title.isEmpty() && namesSomeone(name) && namesSomeone(title)) {
            // "储运部李经理、质量部张部长": two people, each with a title, not a name and a title
            name = name + "、" + title;
            title = "";
        }
        return Result.ok(new Answer(name, List.of(), new Person(name, title, stance)));
    }

    /** Titles a Chinese rep puts after a surname ("李经理", "储运部张部长"). */
    private static final List<String> TITLES = List.of("经理", "部长", "总监", "主任", "主管", "专员", "厂长", "科长",
            "处长", "院长", "董事长", "老板", "总", "工", "秘书", "助理", "采购", "老师");

    /** Whether a part reads as a person with a title ("储运部李经理"), not as a title alone ("采购总监"). */
    private static boolean namesSomeone(String part) {
        if (part.length() < 3 || part.length() > 20 || part.chars().anyMatch(Character::isWhitespace)) {
            return false;
        }
        for (String t : TITLES) {
            if (part.endsWith(t) && part.length() > t.length()) {
                char before = part.charAt(part.length() - t.length() - 1);
                return SURNAMES.indexOf(before) >= 0;
            }
        }
        return false;
    }

    /** Common surnames: a title right after one of these names a person ("李经理"), not a post ("采购经理"). */
    private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";

    private static String plain(Double d) {
        if (d == null) {
            return "-";
        }
        return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }
}
