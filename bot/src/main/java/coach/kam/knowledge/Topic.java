package coach.kam.knowledge;

import java.util.List;

/** One methodology topic in one language, cut into sections a phone screen can show. */
public record Topic(String id, String lang, String title, List<String> tags, List<String> related, String intro,
                    List<Section> sections) {

    /** A "##" section: its heading and Markdown body. */
    public record Section(String heading, String body) {
    }
}
