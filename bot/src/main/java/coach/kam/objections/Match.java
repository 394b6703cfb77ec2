package coach.kam.objections;

/** One objection a customer phrase may be, with its fused retrieval score (higher is closer). */
public record Match(String id, String title, double score) {
}
