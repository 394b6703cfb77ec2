/**
 * Objection lookup, scripts and the reps' votes on them, and the phrases reps log as new
 * objections when nothing matched well ({@code UnmatchedPhrases}).
 * Imports knowledge, retrieval and the store.
 */
package coach.kam.objections;
