package coach.kam.quarantine;

/**
 * The quarantine's four operations as text in, text out, for the command line and the admins'
 * {@code /quarantine}: "list", "show ID", "retry ID", "drop ID".
 */
@FunctionalInterface
public interface Desk {
    /** What the operation printed, and whether it succeeded. */
    record Answer(boolean ok, String text) {
    }

    Answer run(String command);
}
