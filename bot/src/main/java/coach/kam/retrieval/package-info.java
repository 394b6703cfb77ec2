/**
 * Hybrid search over the knowledge: BM25 (Lucene) next to two in-process embedding models.
 * Imports knowledge and the store.
 */
package coach.kam.retrieval;
