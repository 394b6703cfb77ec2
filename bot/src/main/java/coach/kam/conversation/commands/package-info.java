/**
 * The chat handlers of accounts, notes, objections, questions, briefs, reviews and settings.
 * Imports the conversation core, the services and the store.
 */
package coach.kam.conversation.commands;
