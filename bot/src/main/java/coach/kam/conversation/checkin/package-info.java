/**
 * The chat side of check-ins, reminders, nudges and teams: their commands, buttons and messages,
 * and the scheduler that runs each rep's due work as a turn of its own. Imports the conversation,
 * the checkin and team services, accounts, deals, flows (dates), overview, quarantine, targets,
 * text, when and the store.
 */
package coach.kam.conversation.checkin;
