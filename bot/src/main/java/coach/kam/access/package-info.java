/**
 * Who may use the bot: allowed users, invite codes, admins.
 * Imports the store only.
 */
package coach.kam.access;
