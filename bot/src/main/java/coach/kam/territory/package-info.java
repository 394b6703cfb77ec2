/**
 * The territory plan: each account placed on one of the market-planning patterns from the
 * knowledge files (base camp, commanding height, radiating line, mushroom picking). Imports the
 * store and knowledge only.
 */
package coach.kam.territory;
