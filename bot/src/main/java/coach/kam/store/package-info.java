/**
 * MapDB behind a narrow interface: transactions and scopes ({@code Tx}), ordered prefixes, versioned
 * JSON records ({@code RecordCodec}), tables as values and their catalogue ({@code Table},
 * {@code Tables}), the one key scheme ({@code Keys}, {@code KeyUpgrade}), and the inbox's handled
 * update ids ({@code HandledUpdates}).
 * {@code MapDbStore} serialises transactions and stops cleanly on a failed write; {@code StoreFile}
 * is its open file, {@code StoreCopies} its live copies and compaction. Imports nothing of the bot.
 */
package coach.kam.store;
