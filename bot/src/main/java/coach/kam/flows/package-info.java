/**
 * Walkthroughs read from flow files: the order of their steps, answer reading and checks, scores,
 * and what they leave on an account. Imports accounts, knowledge, text, when and the store; only
 * the account card's Trends.line still takes a chat turn (frozen in ArchitectureTest).
 */
package coach.kam.flows;
