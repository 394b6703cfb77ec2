/**
 * The chat side of check-ins, reminders, nudges and teams: their commands, buttons and messages,
 * and the scheduler that runs each rep's due work as a turn of its own. Imports the conversation,
 * checkin, team and the services they name.
 */
package coach.kam.conversation.checkin;
