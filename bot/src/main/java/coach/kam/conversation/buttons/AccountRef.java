package coach.kam.conversation.buttons;

/**
 * A press that names one of the presser's accounts. A kind whose record is one can only be
 * registered through {@link Owned}, so the account is looked up among the presser's own first.
 */
public interface AccountRef {
    long accountId();
}
