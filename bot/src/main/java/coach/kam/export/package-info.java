/**
 * A rep's data out (Markdown, CSV, JSON in a zip) and CSV import with a preview.
 * Imports accounts, flows, plans, knowledge and the store; still takes chat turns (frozen in ArchitectureTest).
 */
package coach.kam.export;
