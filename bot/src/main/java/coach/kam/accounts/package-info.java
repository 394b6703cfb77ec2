/**
 * Accounts and their notes, visits and facts, and tolerant name matching.
 * Imports the store only.
 */
package coach.kam.accounts;
