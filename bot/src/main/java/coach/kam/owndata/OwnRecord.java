package coach.kam.owndata;

import java.time.Instant;

/**
 * One record of a rep, as the own-data search sees it.
 *
 * @param ref    unique within the rep: "n:12" (a note), "f:7:budget" (a walkthrough answer), "d:3", "p:7:JBP:x", "r:5"
 * @param text   what is quoted (English wording of labels)
 * @param textZh the same with Chinese labels, or null when the record has no labels of ours
 * @param noteId the note's id for notes, visits and objections met; 0 otherwise
 */
public record OwnRecord(String ref, long accountId, Kind kind, Instant at, String text, String textZh, long noteId) {

    /** What sort of record, with the mark shown before its date. */
    public enum Kind {
        NOTE("📝"), VISIT("📍"), OBJECTION("💬"), PROFILE("🧾"), NEEDS("🔎"), DEAL("💼"), PLAN("🗂"), REMINDER("⏰");

        public final String mark;

        Kind(String mark) {
            this.mark = mark;
        }

        /** Notes, visits and objections met: the records kept by id on the account. */
        public boolean isNote() {
            return this == NOTE || this == VISIT || this == OBJECTION;
        }
    }

    /** The text in the rep's language. */
    public String text(String lang) {
        return "zh".equals(lang) && textZh != null ? textZh : text;
    }

    /** What the search reads: both wordings when they differ. */
    String searchText() {
        return textZh == null || textZh.equals(text) ? text : text + "\n" + textZh;
    }
}
