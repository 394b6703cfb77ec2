package coach.kam.conversation.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class SmallTalkTest {

    @Test
    void wholeMessagesOnly() {
        assertEquals(Optional.of(SmallTalk.Kind.HELLO), SmallTalk.kind("Hi!"));
        assertEquals(Optional.of(SmallTalk.Kind.HELLO), SmallTalk.kind("你好"));
        assertEquals(Optional.of(SmallTalk.Kind.THANKS), SmallTalk.kind("谢谢！"));
        assertEquals(Optional.of(SmallTalk.Kind.THANKS), SmallTalk.kind("Thanks"));
        assertEquals(Optional.of(SmallTalk.Kind.OK), SmallTalk.kind("👍👍"));
        assertEquals(Optional.of(SmallTalk.Kind.HELP), SmallTalk.kind("help"));
        assertEquals(Optional.of(SmallTalk.Kind.UNDO), SmallTalk.kind("删除上一条笔记"));
        assertEquals(Optional.of(SmallTalk.Kind.UNDO), SmallTalk.kind("undo"));
        assertEquals(Optional.empty(), SmallTalk.kind("谢谢王总帮忙引荐集团采购"));
        assertEquals(Optional.empty(), SmallTalk.kind("hi from the buyer, they want samples"));
        assertEquals(Optional.empty(), SmallTalk.kind("删除"));
    }
}
