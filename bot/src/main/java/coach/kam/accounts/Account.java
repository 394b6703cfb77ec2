package coach.kam.accounts;

import java.time.Instant;

/** A customer account; it belongs to exactly one rep. */
public record Account(long id, long ownerId, String name, Instant createdAt) {

    public Account renamed(String newName) {
        return new Account(id, ownerId, newName, createdAt);
    }
}
