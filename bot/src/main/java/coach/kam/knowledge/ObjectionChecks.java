package coach.kam.knowledge;

import java.util.List;
import java.util.Map;

/** Required fields of an objection file, in both languages. */
final class ObjectionChecks {
    private ObjectionChecks() {
    }

    static Objection check(String file, Objection o) {
        if (o.id() == null || !file.endsWith("/" + o.id() + ".yaml")) {
            throw new KnowledgeException(file, 1, "id must match the file name");
        }
        Map<String, Objection.Text> byLang = o.byLang();
        for (String lang : KnowledgeBase.LANGS) {
            Objection.Text t = byLang.get(lang);
            if (t == null) {
                throw new KnowledgeException(file, 0, "no '" + lang + "' block");
            }
            need(file, lang, "title", t.title() != null && !t.title().isBlank());
            need(file, lang, "behind", t.behind() != null && !t.behind().isBlank());
            atLeast(file, lang, "phrasings", t.phrasings(), 6);
            atLeast(file, lang, "scripts", t.scripts(), 2);
            atLeast(file, lang, "followups", t.followups(), 2);
            atLeast(file, lang, "avoid", t.avoid(), 1);
        }
        return o;
    }

    private static void need(String file, String lang, String field, boolean ok) {
        if (!ok) {
            throw new KnowledgeException(file, 0, lang + "." + field + " is empty");
        }
    }

    private static void atLeast(String file, String lang, String field, List<String> values, int min) {
        int n = KnowledgeLoader.nonBlank(values).size();
        if (n < min) {
            throw new KnowledgeException(file, 0, lang + "." + field + " needs at least " + min + " entries, has " + n);
        }
    }
}
