package coach.kam.knowledge;

import java.util.HashSet;
import java.util.Set;

/** Required fields of a checklist file; item ids unique, texts short enough for a phone. */
final class ChecklistChecks {
    static final int MAX_ITEM = 60;
    static final int MAX_ID = 32;

    private ChecklistChecks() {
    }

    static Checklist check(String file, Checklist c) {
        if (c.id() == null || !file.endsWith("/" + c.id() + ".yaml")) {
            throw new KnowledgeException(file, 1, "id must match the file name");
        }
        if (!c.id().matches("[a-z0-9-]{1," + MAX_ID + "}")) {
            // the id goes into button data with an account id, within Telegram's 64 bytes
            throw new KnowledgeException(file, 1, "id must be 1 to " + MAX_ID + " of a-z, 0-9 and -");
        }
        if (c.topic() == null || c.title() == null || c.sections() == null || c.sections().isEmpty()) {
            throw new KnowledgeException(file, 0, "needs topic, title and sections");
        }
        titled(file, c.id(), c.title());
        Set<String> ids = new HashSet<>();
        for (Checklist.Part part : c.sections()) {
            if (part.id() == null || part.items() == null || part.items().isEmpty() || !ids.add("s:" + part.id())) {
                throw new KnowledgeException(file, 0, "section " + part.id() + " needs a unique id and items");
            }
            titled(file, part.id(), part.title());
            for (Checklist.Item item : part.items()) {
                if (item.id() == null || !item.id().matches("[a-z0-9-]{1,40}") || !ids.add(item.id())) {
                    throw new KnowledgeException(file, 0, "item id " + item.id() + " is missing, malformed or used twice");
                }
                for (String text : new String[] {item.zh(), item.en()}) {
                    if (text == null || text.isBlank() || text.length() >= MAX_ITEM) {
                        throw new KnowledgeException(file, 0, "item " + item.id() + " needs zh and en under " + MAX_ITEM + " characters");
                    }
                }
            }
        }
        return c;
    }

    private static void titled(String file, String id, java.util.Map<String, String> title) {
        if (title == null || KnowledgeBase.LANGS.stream().anyMatch(l -> title.get(l) == null || title.get(l).isBlank())) {
            throw new KnowledgeException(file, 0, id + " needs a zh and an en title");
        }
    }
}
