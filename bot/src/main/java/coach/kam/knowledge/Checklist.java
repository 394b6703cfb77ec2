package coach.kam.knowledge;

import java.util.List;
import java.util.Map;

/** A checklist; item ids stay stable across rewording so stored progress survives edits. */
public record Checklist(String id, String topic, Map<String, String> title, List<Part> sections) {

    public String title(String lang) {
        return title.getOrDefault(lang, title.get("en"));
    }

    public int itemCount() {
        return sections.stream().mapToInt(s -> s.items().size()).sum();
    }

    /**
     * A group of items, such as one stage of lead to cash. A stage a deal can be at also says how
     * likely a deal there is to close ({@code weight}, in percent), how many days a deal usually
     * stays there ({@code days}) and other words reps use for it ({@code words}).
     */
    public record Part(String id, Map<String, String> title, List<Item> items, Integer weight, Integer days,
                       List<String> words, Map<String, String> label, Map<String, String> why) {
        public Part {
            words = words == null ? List.of() : List.copyOf(words);
        }

        public String title(String lang) {
            return title.getOrDefault(lang, title.get("en"));
        }

        public boolean isPattern() {
            return label != null && !label.isEmpty();
        }

        public String label(String lang) {
            return label.getOrDefault(lang, label.get("en"));
        }

        public String why(String lang) {
            return why == null ? "" : why.getOrDefault(lang, why.getOrDefault("en", ""));
        }
    }

    /** One thing to do or check. */
    public record Item(String id, String zh, String en) {
        public String text(String lang) {
            return "zh".equals(lang) ? zh : en;
        }
    }
}
