package coach.kam.knowledge;

import java.util.Map;

/** A customer objection with its scripts, by language ("zh", "en"). */
public record Objection(String id, Map<String, Text> byLang) {

    public Text in(String lang) {
        Text t = byLang.get(lang);
        return t != null ? t : byLang.get("en");
    }

    /** What a rep needs in one language. */
    public record Text(String title, java.util.List<String> phrasings, String behind, java.util.List<String> scripts,
                       java.util.List<String> followups, java.util.List<String> avoid) {
    }
}
