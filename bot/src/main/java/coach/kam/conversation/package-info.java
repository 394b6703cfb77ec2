/**
 * The transport-agnostic core: an event in, replies out, routed to commands, buttons and dialogs.
 * Imports the store; its handlers (commands) import the services. Never an adapter.
 */
package coach.kam.conversation;
