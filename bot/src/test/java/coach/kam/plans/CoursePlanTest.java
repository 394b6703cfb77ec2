package coach.kam.plans;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

/**
 * /plan alone: the after-course plan over accounts the rep taps in, with 30/60/90-day actions
 * that are reminders, actions of the rep's own, taking an account out, and a finished
 * walkthrough ticking its action; the account card shows where the account stands.
 */
class CoursePlanTest {
    private static final long REP = 71;
    private CoreDriver bot;

    @BeforeEach
    void start() throws Exception {
        bot = new CoreDriver(Files.createTempDirectory("kam-course"), MutableClock.at("2026-12-03T02:00:00Z"), "zh");
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

    private int openReminders() {
        return bot.coach().store().inTransaction(tx -> new CoursePlans().get(tx, REP)).actions().stream()
                .filter(a -> !a.done() && a.reminderId() != null).toList().size();
    }

    @Test
    void accountsComeInOnlyByATapAndGetActionsThatAreReminders() {
        say("/new 九州通医药");
        say("/new 华东医药");
        say("/new 上海医药");
        String empty = say("/plan");
        assertContains(empty, "课后 90 天计划(0/5 个客户)");
        assertContains(empty, "选 3–5 个重点客户");
        assertFalse(empty.contains("<b>九州通医药</b>"), "the open account is offered, not added:\n" + empty);

        String added = press("➕ 加入 九州通医药");
        assertContains(added, "九州通医药 已放进课后计划");
        assertContains(added, "⬜ 30 天 · 2027-01-02 · 做客户画像 /profile");
        assertContains(added, "⬜ 60 天 · 2027-02-01 · 需求探询 /needs");
        assertContains(added, "⬜ 90 天 · 2027-03-03 · 评估分级 /evaluate");
        assertContains(say("/reminders"), "做客户画像 /profile");

        say("/plan");
        press("➕ 加客户");
        press("华东医药");
        press("➕ 加客户");
        assertContains(press("上海医药"), "(3/5 个客户)");
        assertEquals(9, openReminders());

        press("✏️ 加一项 · 华东医药");
        assertContains(say("随便"), "写天数或日期和要做的事");
        String own = say("60 天 带技术团队上门");
        assertContains(own, "已加上");
        assertContains(own, "⬜ 60 天 · 2027-02-01 · 带技术团队上门");
        assertEquals(10, openReminders());

        String out = press("✖ 移出 · 上海医药");
        assertContains(out, "已把 上海医药 移出课后计划");
        assertContains(out, "(2/5 个客户)");
        assertEquals(7, openReminders());
        assertFalse(say("/reminders").contains("上海医药"));
    }

    @Test
    void aFinishedWalkthroughTicksItsActionAndTheCardShowsThePlan() {
        say("/new 九州通医药");
        say("/plan");
        press("➕ 加入 九州通医药");
        say("/evaluate");
        for (int i = 0; i < 10; i++) {
            say("3");
        }
        String plan = say("/plan");
        assertContains(plan, "✅ 90 天 · 2027-03-03 · 评估分级 /evaluate");
        assertContains(plan, "⬜ 30 天 · 2027-01-02 · 做客户画像 /profile");
        assertEquals(2, openReminders());

        press("✅ 勾掉一项");
        assertContains(press("⬜ 九州通医药 · 需求探询 /needs"), "✅ 60 天");
        String card = say("/account 九州通");
        assertContains(card, "🎯 课后计划:2/3 项完成,下一项:做客户画像 /profile(2027-01-02)");
    }
}
