package coach.kam.accounts;

import java.time.Instant;

/**
 * Something a rep recorded on an account: a plain note, a visit (with where it happened) or an
 * objection met there (with the objection id and, when known, the script used and whether it worked).
 *
 * @param script the index of the objection script shown when it was logged, or null
 * @param worked the rep's 👍 (true) or 👎 (false) on that script, or null
 */
public record Note(long id, long accountId, Kind kind, String text, Double latitude, Double longitude,
                   String objectionId, Instant at, Integer script, Boolean worked) {

    public enum Kind { NOTE, VISIT, OBJECTION }

    /** A note without script details (the shape before they were kept). */
    public Note(long id, long accountId, Kind kind, String text, Double latitude, Double longitude,
                String objectionId, Instant at) {
        this(id, accountId, kind, text, latitude, longitude, objectionId, at, null, null);
    }

    public static Note text(long accountId, String text, Instant at) {
        return new Note(0, accountId, Kind.NOTE, text, null, null, null, at);
    }

    public static Note visit(long accountId, double latitude, double longitude, Instant at) {
        return new Note(0, accountId, Kind.VISIT, "", latitude, longitude, null, at);
    }

    public static Note objection(long accountId, String objectionId, String text, Instant at) {
        return new Note(0, accountId, Kind.OBJECTION, text, null, null, objectionId, at);
    }

    public Note withText(String newText) {
        return new Note(id, accountId, kind, newText, latitude, longitude, objectionId, at, script, worked);
    }

    /** The script shown when the objection was logged. */
    public Note withScript(Integer index) {
        return new Note(id, accountId, kind, text, latitude, longitude, objectionId, at, index, worked);
    }

    /** Whether that script worked. */
    public Note withResult(Boolean result) {
        return new Note(id, accountId, kind, text, latitude, longitude, objectionId, at, script, result);
    }

    Note withId(long newId) {
        return new Note(newId, accountId, kind, text, latitude, longitude, objectionId, at, script, worked);
    }
}
