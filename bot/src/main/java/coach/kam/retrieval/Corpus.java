package coach.kam.retrieval;

import coach.kam.knowledge.Checklist;
import coach.kam.knowledge.KnowledgeBase;
import coach.kam.knowledge.Objection;
import coach.kam.knowledge.Topic;
import java.util.ArrayList;
import java.util.List;

/** Cuts the knowledge base into chunks: one per methodology section, objection and checklist, per language. */
public final class Corpus {
    public static final String TOPIC = "topic";
    public static final String OBJECTION = "objection";
    /** Scope chunks: what the knowledge base is about, and questions it does not answer. */
    public static final String INSIDE = "inside";
    public static final String OUTSIDE = "outside";
    public static final String CHECKLIST = "checklist";
    public static final String PHRASING = "phrasing";

    private Corpus() {
    }

    /** What questions are answered from. */
    public static List<Chunk> forQuestions(KnowledgeBase kb) {
        List<Chunk> chunks = new ArrayList<>();
        for (String lang : KnowledgeBase.LANGS) {
            for (Topic t : kb.topics(lang)) {
                String tags = String.join(" ", t.tags());
                for (Topic.Section s : t.sections()) {
                    chunks.add(new Chunk(t.id(), TOPIC, lang, t.title(), s.heading(), s.body() + "\n" + tags));
                }
            }
            for (Objection o : kb.objections()) {
                Objection.Text x = o.in(lang);
                String body = x.behind() + "\n" + String.join("\n", x.scripts());
                chunks.add(new Chunk("objection-handling", OBJECTION, lang, x.title(), o.id(), body));
            }
            for (Checklist c : kb.checklists()) {
                StringBuilder body = new StringBuilder();
                c.sections().forEach(p -> {
                    body.append(p.title(lang)).append(": ");
                    p.items().forEach(i -> body.append(i.text(lang)).append("; "));
                    body.append('\n');
                });
                chunks.add(new Chunk(c.topic(), CHECKLIST, lang, c.title(lang), c.id(), body.toString()));
            }
        }
        return chunks;
    }

    /**
     * What a question is compared with to tell whether the knowledge base covers it at all: each
     * topic's title, section headings and tags ({@link #INSIDE}), and the questions it does not
     * answer ({@link #OUTSIDE}).
     */
    public static List<Chunk> forScope(KnowledgeBase kb) {
        List<Chunk> chunks = new ArrayList<>();
        for (String lang : KnowledgeBase.LANGS) {
            java.util.Map<String, String> inside = new java.util.LinkedHashMap<>();
            for (Topic t : kb.topics(lang)) {
                inside.putIfAbsent(t.title(), t.id());
                t.sections().forEach(s -> inside.putIfAbsent(s.heading(), t.id()));
                t.tags().forEach(tag -> inside.putIfAbsent(tag, t.id()));
            }
            inside.forEach((text, topic) -> chunks.add(new Chunk(topic, INSIDE, lang, "", "", text)));
            new java.util.LinkedHashSet<>(kb.notCovered(lang))
                    .forEach(text -> chunks.add(new Chunk("", OUTSIDE, lang, "", "", text)));
        }
        return chunks;
    }

    /** What customer phrases are matched against: every typical phrasing and the title, both languages. */
    public static List<Chunk> forObjections(KnowledgeBase kb) {
        List<Chunk> chunks = new ArrayList<>();
        for (Objection o : kb.objections()) {
            for (String lang : KnowledgeBase.LANGS) {
                Objection.Text x = o.in(lang);
                chunks.add(new Chunk(o.id(), PHRASING, lang, x.title(), "", x.title()));
                for (String p : x.phrasings()) {
                    chunks.add(new Chunk(o.id(), PHRASING, lang, x.title(), "", p));
                }
            }
        }
        return chunks;
    }
}
