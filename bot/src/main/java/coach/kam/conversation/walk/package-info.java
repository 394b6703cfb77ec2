/**
 * The walkthroughs in the chat: /profile, /needs, /evaluate, /classify and /resume, a step at a time
 * with its buttons, and the summary. Imports the conversation core, flows, accounts, knowledge and text.
 */
package coach.kam.conversation.walk;
