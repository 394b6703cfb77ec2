package coach.kam.store;

/** The store could not be opened or used; the message is meant for the person running the bot. */
public class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
