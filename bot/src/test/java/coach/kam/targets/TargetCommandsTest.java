package coach.kam.targets;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.kam.testing.ChatDriver.Shown;
import coach.kam.testing.CoreDriver;
import coach.kam.testing.MutableClock;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Targets that double: the rep's gap, the accounts that fill it and the share still unplaced. */
class TargetCommandsTest {
    private static final long REP = 51;
    private CoreDriver bot;

    @BeforeEach
    void start() throws Exception {
        bot = new CoreDriver(Files.createTempDirectory("kam-targets"), MutableClock.at("2026-12-03T02:00:00Z"), "zh");
        bot.type(REP, "/lang zh");
    }

    @AfterEach
    void stop() {
        bot.close();
    }

    private String say(String text) {
        return String.join("\n", bot.type(REP, text).stream().map(Shown::text).toList());
    }

    private static void assertContains(String reply, String wanted) {
        assertTrue(reply.contains(wanted), "expected '" + wanted + "' in:\n" + reply);
    }

    @Test
    void theGapIsFilledAccountByAccount() {
        assertContains(say("/target"), "先告诉我今年的销售额");
        String mine = say("/target 2000万");
        assertContains(mine, "现在 2000万 → 目标 4000万,差距 2000万");
        assertContains(mine, "还没有落到任何客户");

        say("/new 九州通医药");
        say("/new 华东医药");
        String one = say("/target 九州通: 300万 600万");
        assertContains(one, "九州通医药:现在 300万 → 目标 600万");
        assertContains(one, "已落到客户的增长:300万");
        assertContains(one, "还没落实:1700万(差距的 85%)");
        assertContains(one, "/topics growth-doubling");

        String both = say("/target 华东: 1000万 → 2700万");
        assertContains(both, "• 华东医药: 1000万 → 2700万 (+1700万)");
        assertContains(both, "客户目标加起来已经够填上差距");

        say("/delete 华东医药");
        bot.press(REP, "删除");
        String after = say("/target");
        assertFalse(after.contains("华东医药"), after);
        assertContains(after, "还没落实:1700万");
    }

    @Test
    void inEnglishWithTheTargetNamed() {
        bot.type(REP, "/lang en");
        String mine = say("/target 20m 45m");
        assertContains(mine, "Now 20,000,000 → target 45,000,000, gap 25,000,000");
        assertContains(say("/target nothing here"), "Tell me this year's sales first");
    }
}
