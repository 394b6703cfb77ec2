/**
 * Callback data as typed records: each kind of button declares its prefix, one encoder and one
 * decoder here, and the presser's ownership of the account (and note) a press names is checked
 * in one place ({@link coach.kam.conversation.buttons.Owned}). Imports the conversation core and accounts.
 */
package coach.kam.conversation.buttons;
