package coach.kam.store;

import java.util.function.Function;

/**
 * Durable storage for everything a rep keeps. All reads and writes go through a transaction so
 * that the data an update changed, the conversation state and the record that the update was
 * handled commit together or not at all.
 */
public interface Store extends AutoCloseable {

    /** Runs {@code work} in one transaction: committed when it returns, rolled back when it throws. */
    <T> T inTransaction(Function<Tx, T> work);

    /**
     * Writes a consistent copy of everything committed (whole transactions only) to {@code file};
     * the store goes on serving while it is written, held for a few milliseconds at a time.
     */
    default void copyTo(java.nio.file.Path file) {
        throw new UnsupportedOperationException("copyTo");
    }

    /**
     * Rewrites the store without what was deleted, while it serves; stops other work for one short
     * step only.
     */
    default Compaction.Done compact() {
        throw new UnsupportedOperationException("compact");
    }

    /**
     * Why the store takes no writes now (a full disk, a failed write), or empty when it works. A
     * health check reads this; the store clears it by itself once it works again.
     */
    default java.util.Optional<String> outage() {
        return java.util.Optional.empty();
    }

    /** Records found damaged by reads since the store was opened (skipped by every read). */
    default java.util.List<BadRecord> damaged() {
        return java.util.List.of();
    }

    /** A stored record that failed its checksum or could not be read: where it is and why. */
    record BadRecord(String table, String key, String reason) {
    }

    @Override
    void close();
}
