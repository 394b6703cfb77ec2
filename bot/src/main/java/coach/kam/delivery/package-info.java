/**
 * The one way out: the durable send queue, its pacing and the transport it sends through.
 * Sits beside the pipeline; imports the store and the conversation's reply type.
 */
package coach.kam.delivery;
