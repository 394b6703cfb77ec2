/**
 * Reads times and days as reps type them, in Chinese or English: the time a message starts with
 * ("明天10点", "next Friday 2pm"), a whole reminder line with "提醒我 / remind me" anywhere and the
 * time before or after the task, deadlines (月底前, by Friday, eod), and a whole answer as a day or a
 * month ({@code Calendar}: "下周五", "dec 18", "明年三月", "next March").
 * Imports nothing of the bot but {@code coach.kam.text}, so it can be read and tested alone.
 */
package coach.kam.when;
