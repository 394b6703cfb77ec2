/**
 * Configuration from environment variables, checked at start with one line per problem.
 * Imports nothing of the bot.
 */
package coach.kam.config;
