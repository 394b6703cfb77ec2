package coach.kam.accounts;

import java.time.Instant;

/**
 * Something a rep recorded on an account: a plain note, a visit (with where it happened) or an
 * objection met there (with the objection id).
 */
public record Note(long id, long accountId, Kind kind, String text, Double latitude, Double longitude,
                   String objectionId, Instant at) {

    public enum Kind { NOTE, VISIT, OBJECTION }

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
        return new Note(id, accountId, kind, newText, latitude, longitude, objectionId, at);
    }

    Note withId(long newId) {
        return new Note(newId, accountId, kind, text, latitude, longitude, objectionId, at);
    }
}
