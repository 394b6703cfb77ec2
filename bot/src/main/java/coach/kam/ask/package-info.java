/**
 * Methodology questions answered from the knowledge base, extractively or through a language model.
 * Imports retrieval, configuration and the store.
 */
package coach.kam.ask;
