package coach.kam.retrieval;

/**
 * One searchable piece of the knowledge base: a methodology section, an objection phrasing, a
 * checklist. {@code source} is the topic or objection id it came from.
 */
public record Chunk(String source, String kind, String lang, String title, String section, String text) {

    /** What the retrievers read: the title and heading carry the most meaning, so they come first. */
    public String searchText() {
        return title + "\n" + section + "\n" + text;
    }
}
