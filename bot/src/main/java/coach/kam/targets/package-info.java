/**
 * Sales targets: a rep's current annual sales and target (twice the current by default), each
 * account's current and target, and the gap the accounts do not yet fill. Imports the store only.
 */
package coach.kam.targets;
