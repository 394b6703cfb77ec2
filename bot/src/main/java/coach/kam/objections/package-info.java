/**
 * Objection lookup, scripts and the reps' votes on them.
 * Imports knowledge, retrieval and the store.
 */
package coach.kam.objections;
