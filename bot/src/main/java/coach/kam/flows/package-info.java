/**
 * Walkthroughs read from flow files: the order of their steps, answer reading and checks, scores,
 * and what they leave on an account. Imports accounts, knowledge, text, when and the store; no chat types.
 */
package coach.kam.flows;
