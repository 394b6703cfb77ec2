/**
 * Weekly check-ins, reminders and nudges as data: what falls due when (the schedule and each rep's
 * check-in day and time), the week's focus accounts and answers, snoozes, reminders and the nudges.
 * Imports accounts, overview, deals and the store; never the conversation.
 */
package coach.kam.checkin;
