package coach.kam.retrieval;

/** A chunk with its score from one retriever or from the fusion; higher is better. */
public record Scored(int index, Chunk chunk, double score) {
}
