/**
 * The one way out: the durable send queue, its pacing and the transport it sends through.
 * Imports the store and the reply type of the conversation (frozen in ArchitectureTest).
 */
package coach.kam.delivery;
