/**
 * MapDB behind a narrow interface: transactions and scopes, ordered prefixes, versioned JSON records.
 * Imports nothing of the bot.
 */
package coach.kam.store;
