package coach.kam.practice;

import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.kam.testing.ChatDriver.Shown;
import coach.kam.testing.CoreDriver;
import coach.kam.testing.MutableClock;
import java.nio.file.Files;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** An objection met in the rep's notes (the customer's words, matched by the real objection matcher) is drilled first. */
class PracticeNotesTest {
    @Test
    void theCustomersWordsInANoteChooseTheDrill() throws Exception {
        try (CoreDriver chat = new CoreDriver(Files.createTempDirectory("kam-prac-notes"),
                MutableClock.at("2026-11-27T02:00:00Z"), "zh")) {
            chat.type(1, "/new 九州通医药");
            chat.type(1, "客户说我们已经有固定的供应商了,合作好多年了");
            String drill = text(chat.type(1, "/practice"));
            assertTrue(drill.contains("你的笔记里遇到过这条") && drill.contains("已有供应商"), drill);
            String other = text(chat.type(2, "/practice"));
            assertTrue(other.contains("这条你还没练过") && other.contains("价格太贵"), "another rep's notes do not count: " + other);
        }
    }

    private static String text(List<Shown> shown) {
        return shown.stream().map(Shown::text).collect(Collectors.joining("\n"));
    }
}
