/**
 * Weekly check-ins, reminders, nudges, the team digest and the scheduler that runs them per rep.
 * Imports accounts, flows, the quarantine, text and the store; still takes chat turns (frozen in ArchitectureTest).
 */
package coach.kam.checkin;
