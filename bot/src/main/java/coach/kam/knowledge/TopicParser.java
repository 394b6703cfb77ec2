package coach.kam.knowledge;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.ArrayList;
import java.util.List;

/** Parses a methodology Markdown file: YAML front matter, an intro, then "##" sections. */
final class TopicParser {
    static final int MIN_SECTION = 60;
    static final int MAX_SECTION = 2_500;

    private TopicParser() {
    }

    record FrontMatter(String id, String title, String lang, List<String> tags, List<String> related) {
    }

    static Topic parse(String file, String text, String folderLang) {
        String[] lines = text.replace("\r\n", "\n").split("\n", -1);
        if (lines.length == 0 || !lines[0].strip().equals("---")) {
            throw new KnowledgeException(file, 1, "must start with a '---' front matter block");
        }
        int end = 1;
        while (end < lines.length && !lines[end].strip().equals("---")) {
            end++;
        }
        if (end == lines.length) {
            throw new KnowledgeException(file, 1, "front matter block is not closed with '---'");
        }
        FrontMatter fm = frontMatter(file, String.join("\n", java.util.Arrays.copyOfRange(lines, 1, end)));
        require(file, 2, fm.id(), "id");
        require(file, 2, fm.title(), "title");
        if (!folderLang.equals(fm.lang())) {
            throw new KnowledgeException(file, 2, "lang is " + fm.lang() + " but the file is in the " + folderLang + " folder");
        }
        if (!file.endsWith("/" + fm.id() + ".md")) {
            throw new KnowledgeException(file, 2, "id " + fm.id() + " does not match the file name");
        }
        Topic head = new Topic(fm.id(), fm.lang(), fm.title().strip(), KnowledgeLoader.nonBlank(fm.tags()),
                KnowledgeLoader.nonBlank(fm.related()), "", List.of());
        return body(head, file, lines, end + 1);
    }

    private static FrontMatter frontMatter(String file, String yaml) {
        try {
            return KnowledgeLoader.YAML.readValue(yaml, FrontMatter.class);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr() + 1;
            throw new KnowledgeException(file, line, e.getOriginalMessage());
        }
    }

    static Topic body(Topic head, String file, String[] lines, int start) {
        StringBuilder intro = new StringBuilder();
        List<Topic.Section> sections = new ArrayList<>();
        String heading = null;
        int headingLine = 0;
        StringBuilder current = new StringBuilder();
        for (int i = start; i < lines.length; i++) {
            String line = lines[i];
            if (line.startsWith("# ")) {
                throw new KnowledgeException(file, i + 1, "use '##' headings; '#' is reserved for the title");
            }
            if (line.startsWith("## ")) {
                if (heading != null) {
                    sections.add(section(file, headingLine, heading, current));
                }
                heading = line.substring(3).strip();
                headingLine = i + 1;
                current = new StringBuilder();
            } else if (heading == null) {
                intro.append(line).append('\n');
            } else {
                current.append(line).append('\n');
            }
        }
        if (heading != null) {
            sections.add(section(file, headingLine, heading, current));
        }
        if (sections.isEmpty()) {
            throw new KnowledgeException(file, start + 1, "no '##' sections");
        }
        return new Topic(head.id(), head.lang(), head.title(), head.tags(), head.related(), intro.toString().strip(),
                List.copyOf(sections));
    }

    private static Topic.Section section(String file, int line, String heading, StringBuilder body) {
        String text = body.toString().strip();
        if (heading.isEmpty()) {
            throw new KnowledgeException(file, line, "empty section heading");
        }
        if (text.length() < MIN_SECTION || text.length() > MAX_SECTION) {
            throw new KnowledgeException(file, line, "section '" + heading + "' has " + text.length()
                    + " characters; keep it between " + MIN_SECTION + " and " + MAX_SECTION);
        }
        return new Topic.Section(heading, text);
    }

    private static void require(String file, int line, String value, String field) {
        if (value == null || value.isBlank()) {
            throw new KnowledgeException(file, line, "front matter needs '" + field + "'");
        }
    }
}
