package coach.kam.conversation.commands;

import coach.kam.knowledge.KnowledgeBase;

/** An objection as a rep knows it: its title in their language, never its id. */
final class ObjectionTitles {
    private ObjectionTitles() {
    }

    static String title(KnowledgeBase knowledge, String objectionId, String lang) {
        return knowledge.objection(objectionId).map(o -> o.in(lang).title()).orElse(objectionId);
    }
}
