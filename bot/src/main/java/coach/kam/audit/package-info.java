/**
 * The audit log (who did what that matters: team changes, everyone's exports, restores, refused
 * and wrong codes) and the throttle on guessing codes.
 */
package coach.kam.audit;
