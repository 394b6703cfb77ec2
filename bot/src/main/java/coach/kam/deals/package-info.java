/**
 * Deals along lead to cash: their stages (from the knowledge files), every change with its date,
 * the one-line way reps type a deal, and the pipeline with its weighted forecast. Imports the store,
 * accounts, knowledge and the amount and date readers; knows nothing of chats.
 */
package coach.kam.deals;
