package coach.kam.store;

/** The store's file lock is taken: a running KAM Coach holds it. */
public final class StoreHeld extends StoreException {
    public StoreHeld(String message, Throwable cause) {
        super(message, cause);
    }
}
