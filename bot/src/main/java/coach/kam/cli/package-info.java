/**
 * The command line: the bot (Telegram or console) and the one-shot tools.
 * An adapter: it may import every package.
 */
package coach.kam.cli;
