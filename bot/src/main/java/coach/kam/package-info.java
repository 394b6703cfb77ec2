/**
 * Wiring: KamCoach assembles the capabilities around one store and one knowledge base.
 * Used by the command line; it may import every package.
 */
package coach.kam;
