package coach.kam.flows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Where a person stands toward us, from champion to opponent, and the words reps use for it. */
public final class Stances {
    public static final List<String> IDS = List.of("champion", "supporter", "neutral", "skeptic", "opponent");
    private static final Map<String, String> WORDS = new LinkedHashMap<>();

    static {
        WORDS.put("champion", "champion");
        WORDS.put("教练", "champion");
        WORDS.put("内线", "champion");
        WORDS.put("力挺", "champion");
        WORDS.put("supportive", "supporter");
        WORDS.put("supporter", "supporter");
        WORDS.put("支持", "supporter");
        WORDS.put("neutral", "neutral");
        WORDS.put("中立", "neutral");
        WORDS.put("skeptical", "skeptic");
        WORDS.put("sceptical", "skeptic");
        WORDS.put("skeptic", "skeptic");
        WORDS.put("怀疑", "skeptic");
        WORDS.put("观望", "skeptic");
        WORDS.put("opposed", "opponent");
        WORDS.put("opponent", "opponent");
        WORDS.put("against us", "opponent");
        WORDS.put("反对", "opponent");
    }

    /**
     * Each stance word with the separators before it and a 的 after it. The separators are read
     * only from the start of their run ({@code (?<!…)}) and possessively ({@code *+}; no word starts
     * with one), so a long run of them is scanned once rather than once from each of its characters.
     */
    private static final List<Pattern> WORD_WITH_SEPARATORS = WORDS.keySet().stream()
            .map(w -> Pattern.compile("(?i)(?<![,，;；/、\\s])[,，;；/、\\s]*+" + Pattern.quote(w) + "(的)?"))
            .toList();

    private Stances() {
    }

    /** The stance named in the text, if one is. */
    public static Optional<String> find(String text) {
        String t = text.toLowerCase(Locale.ROOT);
        return WORDS.entrySet().stream().filter(e -> t.contains(e.getKey())).map(Map.Entry::getValue).findFirst();
    }

    /** The text without its stance word and the separators around it. */
    static String strip(String text) {
        String out = text;
        for (Pattern word : WORD_WITH_SEPARATORS) {
            out = word.matcher(out).replaceAll("");
        }
        return out.strip();
    }

    public static String label(String id, String lang) {
        int i = IDS.indexOf(id);
        if (i < 0) {
            return "?";
        }
        return "zh".equals(lang) ? List.of("🏆 教练/力挺", "👍 支持", "😐 中立", "🤨 怀疑", "👎 反对").get(i)
                : List.of("🏆 Champion", "👍 Supportive", "😐 Neutral", "🤨 Skeptical", "👎 Opposed").get(i);
    }
}
