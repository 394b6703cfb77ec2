/**
 * The console adapter: a typed line into the pipeline, replies printed with numbered buttons.
 * Imports the pipeline, the conversation, the scheduler and the store.
 */
package coach.kam.console;
