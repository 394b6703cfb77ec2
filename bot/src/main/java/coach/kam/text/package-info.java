/**
 * Small helpers for text: cutting typed text without splitting a character, escaping for Telegram HTML.
 * Imports nothing of the bot.
 */
package coach.kam.text;
