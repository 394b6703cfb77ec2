package coach.kam.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import coach.kam.store.Store;
import coach.kam.testing.MutableClock;
import java.util.List;
import org.junit.jupiter.api.Test;

/** When the store fails, the rep hears that nothing was saved instead of silence. */
class StoreFailureTest {

    @Test
    void aFailedTransactionGetsAShortApologyInTheRepsLanguage() {
        Store broken = mock(Store.class);
        when(broken.inTransaction(any())).thenThrow(new IllegalStateException("disk full"));
        Conversation chat = Conversation.builder(broken, Messages.load(), MutableClock.at("2026-11-27T02:00:00Z"))
                .command("new", (turn, args) -> turn.say("never reached")).build();

        List<Reply> zh = chat.handle(new Event(1, 1, 7L, "/new 华润", null, null, "zh-hans"));
        List<Reply> en = chat.handle(new Event(2, 2, 8L, "/new ACME", null, null, "en"));

        assertEquals(1, zh.size());
        assertTrue(zh.get(0).plainText().contains("什么都没有保存"), zh.get(0).plainText());
        assertTrue(en.get(0).plainText().contains("nothing was saved"), en.get(0).plainText());
    }
}
