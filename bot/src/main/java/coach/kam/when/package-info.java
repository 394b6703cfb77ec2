/**
 * Reads the time a message starts with, in Chinese or English ("明天10点", "next Friday 2pm").
 * Imports nothing of the bot but {@code coach.kam.text}, so it can be read and tested alone.
 */
package coach.kam.when;
