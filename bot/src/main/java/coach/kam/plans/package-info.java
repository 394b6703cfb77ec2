/**
 * Plans attached to an account (lead to cash, JBP, the five steps, the action plan) and their items.
 * Imports accounts, flows, knowledge and the store; still takes chat turns (frozen in ArchitectureTest).
 */
package coach.kam.plans;
