package coach.kam.store;

import java.io.IOError;
import org.mapdb.DBException;

/** Telling a storage failure (the disk, the file) from a bug in a turn, and saying it in words. */
final class Faults {
    private Faults() {
    }

    /**
     * Whether {@code e} (or what caused it) came from the store's file or the disk, not from the
     * work: MapDB wraps every failed read or write of its files in a {@link DBException}. An
     * IOException a turn throws itself (a download, say) is the turn's.
     */
    static boolean isStorage(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof IOError || t instanceof DBException) {
                return true;
            }
        }
        return false;
    }

    /** A one-line reason: "storage full" when the disk said so, else the innermost message there is. */
    static String describe(Throwable e) {
        String innermost = null;
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String m = t.getMessage();
            if (m != null && m.toLowerCase(java.util.Locale.ROOT).contains("no space left")) {
                return "storage full (" + m.strip() + ")";
            }
            if (m != null && !m.isBlank()) {
                innermost = t.getClass().getSimpleName() + ": " + m.strip();
            } else if (innermost == null) {
                innermost = t.getClass().getSimpleName();
            }
            if (t.getCause() == null) {
                break;
            }
        }
        if (innermost == null) {
            return "unknown failure";
        }
        if (innermost.equals("VolumeIOError") || innermost.equals("VolumeEOF") || innermost.equals("EOFException")) {
            return "the file cannot be read to its end (cut short or damaged: " + innermost + ")";
        }
        return innermost;
    }
}
