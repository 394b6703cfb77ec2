package coach.kam.ask;

import java.util.List;

/**
 * An answer to a methodology question: the text (Markdown-light: **bold** and line breaks), the
 * sources best first, and whether the knowledge base covers the question at all.
 */
public record Answer(String question, String lang, String text, List<Source> sources, boolean covered,
                     List<String> closestTopics, String via) {

    /** Where an answer came from: a section of a topic (or an objection or checklist filed under a topic). */
    public record Source(String topic, String lang, String title, String section, double score) {
    }
}
