package coach.kam.store;

/**
 * The store has stopped taking writes: the disk is full, or a write to its file failed. Nothing
 * was committed by the transaction that gets this; the store tries to come back by itself (see
 * {@link MapDbStore#outage()}), and a restart replays the write-ahead log.
 */
public final class StoreOutage extends StoreException {
    public StoreOutage(String message, Throwable cause) {
        super(message, cause);
    }
}
