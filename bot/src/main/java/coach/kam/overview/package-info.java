/**
 * What an account's records add up to, for anyone who needs it without a chat: last contact,
 * contact cadence and how far past it, overdue plan items, the latest tier or class.
 * Imports accounts, flows, plans, knowledge and the store.
 */
package coach.kam.overview;
