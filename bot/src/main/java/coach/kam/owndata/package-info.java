/**
 * Questions about an account answered from the rep's own records (notes, visits, objections met,
 * walkthrough answers, deals, plans, reminders): a search index per rep, built when first needed,
 * kept up to date after each commit and evicted when memory runs short. Never reads another rep's
 * records. Imports accounts, deals, plans, knowledge, retrieval and the store.
 */
package coach.kam.owndata;
