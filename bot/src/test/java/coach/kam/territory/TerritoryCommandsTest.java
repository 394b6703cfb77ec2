package coach.kam.territory;

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

/** The territory in one view: accounts on the market-planning patterns, placed by name or one tap at a time. */
class TerritoryCommandsTest {
    private static final long REP = 61;
    private CoreDriver bot;

    @BeforeEach
    void start() throws Exception {
        bot = new CoreDriver(Files.createTempDirectory("kam-territory"), MutableClock.at("2026-12-03T02:00:00Z"), "zh");
        bot.type(REP, "/lang zh");
        for (String name : List.of("九州通医药", "华东医药", "国药控股", "上药分销")) {
            bot.type(REP, "/new " + name);
        }
    }

    @AfterEach
    void stop() {
        bot.close();
    }

    private static String text(List<Shown> shown) {
        return String.join("\n", shown.stream().map(Shown::text).toList());
    }

    private String say(String t) {
        return text(bot.type(REP, t));
    }

    private static void assertContains(String reply, String wanted) {
        assertTrue(reply.contains(wanted), "expected '" + wanted + "' in:\n" + reply);
    }

    @Test
    void accountsArePlacedByNameOrOneTapAtATimeAndShownTogether() {
        String first = say("/territory");
        assertContains(first, "市场版图(4 个客户)");
        assertContains(first, "还没定位(4)");

        assertContains(say("/territory 九州通 大本营"), "九州通医药:大本营。自己最熟");
        assertContains(say("/territory 国药 制高点"), "国药控股:制高点");

        assertContains(say("/market"), "还没定位(2)");
        String ask = text(bot.press(REP, "逐个定位"));
        String asked = ask.contains("华东医药") ? "华东医药" : "上药分销";
        assertContains(ask, asked + " 属于哪种打法");
        assertContains(ask, "制高点: 行业里的标杆客户");
        assertContains(text(bot.press(REP, "放射线")), asked + ":放射线");
        String next = text(bot.press(REP, "先跳过"));
        assertContains(next, "市场版图");
        assertContains(next, "还没定位(1)");

        String view = say("/territory");
        assertContains(view, "大本营 · 1");
        assertContains(view, "放射线 · 1");
        assertContains(view, "采蘑菇 · 0");
        assertFalse(view.contains("还没定位(4)"), view);
        assertContains(say("/territory 九州通 不存在的打法"), "打法:大本营、制高点、放射线、采蘑菇");
    }

    @Test
    void forgedButtonsFindNothing() {
        assertContains(text(bot.pressData(REP, "tr:p:999999:0")), "找不到这个客户了");
        assertContains(text(bot.pressData(REP, "tr:p:1:77")), "找不到这个客户了");
        assertContains(text(bot.pressData(REP, "tr:zz")), "按钮已经失效");
    }
}
