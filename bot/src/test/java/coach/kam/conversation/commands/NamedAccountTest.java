package coach.kam.conversation.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;

import coach.kam.accounts.Account;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which of the rep's accounts a question with no account open names. */
class NamedAccountTest {
    private static final List<Account> ACCOUNTS = List.of(account(1, "Acme Foods"), account(2, "The Northwind Group"),
            account(3, "九州通医药"), account(4, "Acme Foods North"));

    private static Account account(long id, String name) {
        return new Account(id, 7, name, Instant.EPOCH);
    }

    private static Optional<Long> named(String text) {
        return NamedAccount.in(text, ACCOUNTS).map(Account::id);
    }

    @Test
    void theWholeNameOrItsFirstWordOrItsFirstThreeCharacters() {
        assertEquals(Optional.of(1L), named("when is acme's next tender?"));
        assertEquals(Optional.of(4L), named("what did Acme Foods North say about pricing?"));
        assertEquals(Optional.of(3L), named("九州通下次招标是什么时候"));
        assertEquals(Optional.of(3L), named("九州通医药的账期是多少"));
    }

    @Test
    void hostileTextNamesNothingAndIsReadQuickly() {
        coach.kam.testing.HostileText.check("NamedAccount.in", t -> NamedAccount.in(t, ACCOUNTS), java.util.Objects::nonNull);
    }

    @Test
    void aShortWordInsideAnotherWordIsNoName() {
        assertEquals(Optional.empty(), named("when is their next meeting?"));
        assertEquals(Optional.empty(), named("what did the buyer say?"));
        assertEquals(Optional.of(2L), named("when does northwind pay?"));
        assertEquals(Optional.empty(), named("九州的天气怎么样"));
        assertEquals(Optional.empty(), named(""));
        assertEquals(Optional.empty(), named(null));
    }
}
