package coach.kam.plans;

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

/** A joint business plan item holds numbers from where to where, typed on one line, and the plan shows their progress. */
class PlanFiguresTest {
    private static final long REP = 61;
    private CoreDriver bot;

    @BeforeEach
    void start() throws Exception {
        bot = new CoreDriver(Files.createTempDirectory("kam-plan-figures"), MutableClock.at("2026-12-03T02:00:00Z"), "zh");
        bot.type(REP, "/lang zh");
    }

    @AfterEach
    void stop() {
        bot.close();
    }

    private String say(String text) {
        return text(bot.type(REP, text));
    }

    private String press(String label) {
        return text(bot.press(REP, label));
    }

    private static String text(List<Shown> shown) {
        return String.join("\n", shown.stream().map(Shown::text).toList());
    }

    private static void assertContains(String reply, String wanted) {
        assertTrue(reply.contains(wanted), "expected '" + wanted + "' in:\n" + reply);
    }

    @Test
    void numbersFromOneLineShowInThePlanWithProgress() {
        say("/new 九州通医药");
        say("/plan 九州通");
        press("➕ 联合生意计划");
        press("关键指标 0/4");
        press("⬜ 每个指标有基线值和目标值");
        assertContains(press("📊 数字:从多少到多少"), "比如“份额 20% → 35%”");
        assertContains(say("份额要提上去"), "没读到从多少到多少");
        String set = say("钱包份额 20% → 35%");
        assertContains(set, "📊 钱包份额:20% → 35%,现在 20% · 进度 0%");

        press("📊 数字:从多少到多少");
        String moved = say("28%");
        assertContains(moved, "📊 钱包份额:20% → 35%,现在 28% · 进度 53%");

        String plan = press("« 返回清单");
        assertContains(plan, "每个指标有基线值和目标值");
        say("/plan 九州通");
        String whole = press("📋 联合生意计划");
        assertContains(whole, "JBP 0/");
        assertContains(whole, "📊 钱包份额:20% → 35%,现在 28% · 进度 53%");
        assertFalse(whole.contains("⚠️"), whole);
    }
}
