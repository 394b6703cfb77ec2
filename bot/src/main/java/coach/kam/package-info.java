/**
 * Wiring: KamCoach assembles the capabilities around one store and one knowledge base, and
 * Catalogue lists every table they keep. Used by the command line; it may import every package.
 */
package coach.kam;
