/**
 * The content as data: methodology topics, objections, checklists and flows, loaded and checked.
 * Imports nothing of the bot.
 */
package coach.kam.knowledge;
