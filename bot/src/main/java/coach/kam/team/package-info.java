/**
 * Teams and the manager's digest as data: membership, invitations, join codes, names, note sharing
 * and each rep's week in numbers. Imports accounts, audit, checkin, deals, flows, overview, targets
 * and the store; never the conversation.
 */
package coach.kam.team;
