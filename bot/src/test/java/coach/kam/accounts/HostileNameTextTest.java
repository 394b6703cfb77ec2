package coach.kam.accounts;

import coach.kam.testing.HostileText;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Account names matched against {@link HostileText}: a list, maybe empty, never an error. */
class HostileNameTextTest {
    private static final List<Account> ACCOUNTS = List.of(new Account(1, 7, "华东医药集团", Instant.EPOCH),
            new Account(2, 7, "ACME Ltd", Instant.EPOCH), new Account(3, 7, "OK OK Stores", Instant.EPOCH),
            new Account(4, 7, "哈哈食品", Instant.EPOCH));

    @Test
    void everyTextIsMatchedAgainstTheNames() {
        HostileText.check("NameMatcher.best", text -> NameMatcher.best(text, ACCOUNTS), hits -> hits != null);
        HostileText.check("NameMatcher.normalise", NameMatcher::normalise, n -> n != null);
    }
}
