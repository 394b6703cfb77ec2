package coach.kam.conversation.commands;

import coach.kam.accounts.Note;
import coach.kam.text.Html;
import coach.kam.conversation.Turn;
import coach.kam.knowledge.KnowledgeBase;
import coach.kam.knowledge.Objection;
import java.util.List;
import java.util.Optional;

/**
 * One note as a line of a list (/notes, the account card, the brief): a visit with where it was,
 * an objection with its title, the script used and how it went, never an internal id.
 */
final class NoteLines {
    private static final int SCRIPT_PREVIEW = 24;

    private NoteLines() {
    }

    static String line(Turn turn, KnowledgeBase knowledge, Note note, int maxChars) {
        String when = turn.formatTime(note.at());
        return switch (note.kind()) {
            case VISIT -> turn.t("note.visit.line", when, note.latitude() == null || note.longitude() == null
                    ? Html.escape(Html.shorten(note.text(), maxChars))
                    : String.format("%.5f, %.5f", note.latitude(), note.longitude()));
            case OBJECTION -> "• " + when + " " + objection(turn, knowledge, note)
                    + (note.text().isBlank() ? "" : ": " + Html.escape(Html.shorten(note.text(), maxChars)));
            default -> "• " + when + " " + Html.escape(Html.shorten(note.text(), maxChars));
        };
    }

    /** "💬 价格太贵 · 话术 2「您卡价格卡得这么细…」 · 👍" */
    static String objection(Turn turn, KnowledgeBase knowledge, Note note) {
        StringBuilder out = new StringBuilder("💬 ")
                .append(Html.escape(ObjectionTitles.title(knowledge, note.objectionId(), turn.lang())));
        Optional<Objection> o = knowledge.objection(note.objectionId());
        if (note.script() != null && o.isPresent()) {
            List<String> scripts = o.get().in(turn.lang()).scripts();
            if (note.script() >= 0 && note.script() < scripts.size()) {
                out.append(" · ").append(turn.t("note.script.used", note.script() + 1,
                        Html.escape(Html.shorten(scripts.get(note.script()).strip(), SCRIPT_PREVIEW))));
            }
        }
        if (note.worked() != null) {
            out.append(" · ").append(note.worked() ? "👍" : "👎");
        }
        return out.toString();
    }
}
