/**
 * What a line typed with an account open is: a question, the customer's words or a note.
 * Imports the text helpers only.
 */
package coach.kam.intent;
