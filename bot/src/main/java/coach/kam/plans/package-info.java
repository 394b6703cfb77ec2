/**
 * Plans attached to an account (lead to cash, JBP, the five steps, the action plan), their items
 * and an item's numbers from where to where. Imports accounts, knowledge and the store; the chat
 * side is {@code conversation.commands.PlanCommands}.
 */
package coach.kam.plans;
