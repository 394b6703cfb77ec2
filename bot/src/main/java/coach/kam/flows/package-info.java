/**
 * Walkthroughs read from flow files: steps, answer checks, scores and what they leave on an account.
 * Imports accounts, knowledge and the store; still takes chat turns (frozen in ArchitectureTest).
 */
package coach.kam.flows;
