/**
 * The chat side of exports and imports: /export and /import, and the readable report.md and
 * accounts.csv in the rep's language. Imports the export service, accounts, flows and the store.
 */
package coach.kam.conversation.export;
