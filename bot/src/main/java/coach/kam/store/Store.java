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
     * the store goes on serving while it is written.
     */
    default void copyTo(java.nio.file.Path file) {
        throw new UnsupportedOperationException("copyTo");
    }

    @Override
    void close();
}
