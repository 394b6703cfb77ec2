/**
 * The one way in: a durable inbox, each chat's updates in order, turns handled in isolation and
 * committed in groups, and the quarantine for what keeps failing. Adapters supply the turn itself.
 */
package coach.kam.pipeline;
