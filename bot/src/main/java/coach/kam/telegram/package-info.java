/**
 * The Telegram adapter: long polling into the pipeline, an update as a turn, replies sent.
 * The only package that imports Telegram classes.
 */
package coach.kam.telegram;
