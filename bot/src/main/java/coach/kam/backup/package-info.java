/**
 * Daily and manual backups, and consistent snapshots of a running bot's store.
 * Imports the store only.
 */
package coach.kam.backup;
