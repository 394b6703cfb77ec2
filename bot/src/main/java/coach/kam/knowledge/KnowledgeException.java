package coach.kam.knowledge;

/** A broken knowledge file: names the file, the line (when known) and the reason. */
public class KnowledgeException extends RuntimeException {
    public KnowledgeException(String file, int line, String reason) {
        super(file + (line > 0 ? ":" + line : "") + ": " + reason);
    }
}
