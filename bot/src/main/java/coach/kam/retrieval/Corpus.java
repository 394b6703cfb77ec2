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
