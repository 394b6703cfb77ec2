/**
 * Small helpers for typed text (cutting without splitting a character).
 * Imports nothing of the bot.
 */
package coach.kam.text;
