/**
 * Work set aside after failing again and again (updates, scheduled turns), with its error, until
 * someone retries or drops it.
 */
package coach.kam.quarantine;
