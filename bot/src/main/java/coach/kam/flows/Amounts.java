package coach.kam.flows;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * An amount as reps say it: 120万, 1.5亿, 3千万, 三千万, 两百五十万, ¥500,000, 1.2m, 500k,
 * $3 million, with hedges around it ("大概三千万左右", "about 30m", "~2m"). Read by a plain scan.
 */
final class Amounts {
    private static final List<String> HEDGES_BEFORE = List.of("大概", "大约", "大致", "约", "差不多", "将近", "接近", "估计",
            "预计", "至少", "起码", "about", "around", "approx.", "approx", "approximately", "roughly", "some", "circa",
            "maybe", "est.", "~", "≈");
    private static final List<String> HEDGES_AFTER = List.of("左右", "上下", "多", "以上", "出头", "吧", "的样子", "-ish", "ish",
            "or so", "give or take");
    private static final List<String> CURRENCY_BEFORE = List.of("¥", "￥", "$", "€", "rmb", "cny", "usd", "eur");
    private static final List<String> CURRENCY_AFTER = List.of("人民币", "元", "块钱", "块", "rmb", "cny", "usd", "eur",
            "dollars", "dollar", "bucks");
    private static final String ZH_DIGITS = "零一二三四五六七八九";

    private Amounts() {
    }

    static Optional<BigDecimal> parse(String typed) {
        String t = trim(AnswerParser.normalise(typed).toLowerCase(Locale.ROOT).replace(" ", "").replace(",", ""));
        if (t.isEmpty() || t.length() > 40) {
            return Optional.empty();
        }
        int i = 0;
        while (i < t.length() && (Character.isDigit(t.charAt(i)) || t.charAt(i) == '.')) {
            i++;
        }
        if (i > 0) {
            String unit = t.substring(i);
            return number(t.substring(0, i)).flatMap(n -> scaled(n, unit));
        }
        return chinese(t);
    }

    /** Hedges and currency off both ends, repeatedly: "大概三千万元左右" → "三千万". */
    private static String trim(String s) {
        String t = s;
        String before;
        do {
            before = t;
            t = dropPrefix(t, HEDGES_BEFORE);
            t = dropPrefix(t, CURRENCY_BEFORE);
            t = dropSuffix(t, HEDGES_AFTER);
            t = dropSuffix(t, CURRENCY_AFTER);
        } while (!t.equals(before));
        return t;
    }

    private static Optional<BigDecimal> number(String digits) {
        if (digits.indexOf('.') != digits.lastIndexOf('.') || digits.startsWith(".") && digits.length() == 1) {
            return Optional.empty();
        }
        try {
            return Optional.of(new BigDecimal(digits));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The number times its scale words: 万, 千万, 百万, 亿, k, m, mn, million, bn, billion, thousand. */
    private static Optional<BigDecimal> scaled(BigDecimal n, String unit) {
        long factor = switch (unit) {
            case "" -> 1L;
            case "十" -> 10L;
            case "百" -> 100L;
            case "千", "k", "thousand" -> 1_000L;
            case "万" -> 10_000L;
            case "十万" -> 100_000L;
            case "百万", "m", "mn", "mio", "million" -> 1_000_000L;
            case "千万" -> 10_000_000L;
            case "亿" -> 100_000_000L;
            case "b", "bn", "billion" -> 1_000_000_000L;
            default -> -1L;
        };
        return factor < 0 ? Optional.empty() : Optional.of(n.multiply(BigDecimal.valueOf(factor)));
    }

    /** 三千万, 两百五十万, 一亿二千万, 十二万: sections below 万 times 万 and 亿. */
    static Optional<BigDecimal> chinese(String s) {
        long total = 0;
        long section = 0;
        long number = 0;
        for (char c : s.toCharArray()) {
            int d = ZH_DIGITS.indexOf(c);
            if (d >= 0 || c == '两' || c == '〇') {
                number = c == '两' ? 2 : c == '〇' ? 0 : d;
                continue;
            }
            switch (c) {
                case '十', '百', '千' -> {
                    section += (number == 0 ? 1 : number) * (c == '十' ? 10 : c == '百' ? 100 : 1_000);
                    number = 0;
                }
                case '万' -> {
                    total += (section + number) * 10_000;
                    section = 0;
                    number = 0;
                }
                case '亿' -> {
                    total = (total + section + number) * 100_000_000;
                    section = 0;
                    number = 0;
                }
                default -> {
                    return Optional.empty();
                }
            }
        }
        total += section + number;
        return total > 0 ? Optional.of(BigDecimal.valueOf(total)) : Optional.empty();
    }

    private static String dropPrefix(String s, List<String> words) {
        for (String w : words) {
            if (s.startsWith(w) && s.length() > w.length()) {
                return s.substring(w.length());
            }
        }
        return s;
    }

    private static String dropSuffix(String s, List<String> words) {
        for (String w : words) {
            if (s.endsWith(w) && s.length() > w.length()) {
                return s.substring(0, s.length() - w.length());
            }
        }
        return s;
    }
}
