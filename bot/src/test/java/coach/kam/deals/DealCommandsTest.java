package coach.kam.deals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.kam.testing.ChatDriver.Shown;
import coach.kam.testing.CoreDriver;
import coach.kam.testing.MutableClock;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Deals through the chat: one line, a tap per stage, won and lost with a reason, the pipeline's numbers. */
class DealCommandsTest {
    private static final long REP = 31;
    private static final long OTHER = 32;
    private CoreDriver bot;
    private MutableClock clock;

    @BeforeEach
    void start() throws Exception {
        clock = MutableClock.at("2026-12-03T02:00:00Z");
        bot = new CoreDriver(Files.createTempDirectory("kam-deals"), clock, "zh");
        bot.type(REP, "/lang zh");
        bot.type(OTHER, "/lang zh");
    }

    @AfterEach
    void stop() {
        bot.close();
    }

    private String say(long user, String text) {
        return text(bot.type(user, text));
    }

    private String press(long user, String label) {
        return text(bot.press(user, label));
    }

    private static String text(List<Shown> shown) {
        return String.join("\n", shown.stream().map(Shown::text).toList());
    }

    private static void assertContains(String reply, String wanted) {
        assertTrue(reply.contains(wanted), "expected '" + wanted + "' in:\n" + reply);
    }

    @Test
    void aDealTypedOnOneLineMovesByTapsAndCountsInThePipeline() {
        say(REP, "/new 九州通医药");
        say(REP, "/new 华东医药");
        say(REP, "/cancel");
        String saved = say(REP, "/deal 九州通: 冷链二期 300万 方案阶段 3月底");
        assertContains(saved, "已记到 九州通医药");
        assertContains(saved, "冷链二期");
        assertContains(saved, "300万");
        assertContains(saved, "方案 40%");
        assertContains(saved, "2027-03-31");

        String moved = press(REP, "➡ 谈判");
        assertContains(moved, "已移到:谈判");
        assertContains(moved, "谈判 60%");

        say(REP, "/deal 华东: 仓储外包 100万");
        say(REP, "/deal 华东: 软件 50万 签约");
        String pipeline = say(REP, "/pipeline");
        assertContains(pipeline, "线索(5%):1 笔 · 100万 · 加权 5万");
        assertContains(pipeline, "谈判(60%):1 笔 · 300万 · 加权 180万");
        assertContains(pipeline, "签约(90%):1 笔 · 50万 · 加权 45万");
        assertContains(pipeline, "合计 450万 · 加权预测 230万");

        say(REP, "/deals");
        press(REP, "软件");
        assertContains(press(REP, "🏆 赢单"), "赢在哪里");
        String won = say(REP, "老板认可我们的实施团队");
        assertContains(won, "已记为赢单");
        assertContains(won, "老板认可我们的实施团队");
        assertContains(say(REP, "/pipeline"), "已赢 1 笔(50万)· 已丢 0 笔");
    }

    @Test
    void staleAndOverdueDealsAreNamed() {
        say(REP, "/new 九州通医药");
        say(REP, "/deal 冷链二期 300万 线索 12月20日");
        clock.advance(Duration.ofDays(20));
        String pipeline = say(REP, "/pipeline");
        assertContains(pipeline, "停留超过该阶段通常时间(1)");
        assertContains(pipeline, "预计成交日已过(1)");
    }

    @Test
    void aDealPastItsCloseDateMakesItsAccountAFocusOfTheCheckIn() {
        for (String name : java.util.List.of("甲公司", "乙公司", "丙公司", "丁公司")) {
            say(REP, "/new " + name);
        }
        say(REP, "/deal 丙公司: 年度框架 200万 12月10日");
        clock.advance(Duration.ofDays(10));
        String checkin = say(REP, "/checkin");
        assertContains(checkin, "丙公司");
        assertContains(checkin, "1 笔商机已过预计成交日");
    }

    @Test
    void everyChangeIsKeptWithItsDate() {
        say(REP, "/new 九州通医药");
        say(REP, "/deal 冷链二期 300万");
        clock.advance(Duration.ofDays(2));
        press(REP, "➡ 资格确认");
        press(REP, "❌ 丢单");
        say(REP, "价格高出竞品 15%");
        List<Deals.Change> history = bot.coach().store().inTransaction(tx -> {
            Deals deals = new Deals();
            long id = deals.all(tx, REP).get(0).id();
            return deals.history(tx, REP, id);
        });
        assertEquals(List.of("created", "stage", "lost"), history.stream().map(Deals.Change::what).toList());
        assertEquals("价格高出竞品 15%", history.get(2).to());
        assertEquals(clock.instant(), history.get(2).at());
    }

    @Test
    void theManagersDigestCarriesTheRepsPipelineButNoDealNotes() {
        long manager = coach.kam.testing.TestCoach.MANAGER;
        bot.type(manager, "/lang zh");
        String invite = say(manager, "/team invite");
        String code = invite.substring(invite.indexOf("/join ") + 6, invite.indexOf("/join ") + 14);
        assertContains(say(REP, "/join " + code), "已加入");
        say(REP, "/new 九州通医药");
        say(REP, "/deal 冷链二期 300万 方案");
        say(REP, "/deal 软件 100万 签约");
        press(REP, "🏆 赢单");
        say(REP, "总经理拍板的私下原因");
        say(REP, "/target 2000万");
        say(REP, "/target 九州通: 300万 800万");
        String digest = say(manager, "/team digest");
        assertContains(digest, "目标:2000万 → 4000万,已落到客户的增长 500万(差距的 25%)");
        assertContains(digest, "商机:进行中 1 笔 · 300万 · 加权 120万 · 近 7 天赢 1 笔(100万)、丢 0 笔");
        assertFalse(digest.contains("私下原因"), digest);
    }

    @Test
    void deletingAnAccountTakesItsDealsAlong() {
        say(REP, "/new 九州通医药");
        say(REP, "/deal 冷链二期 300万");
        say(REP, "/target 九州通: 300万 600万");
        long id = bot.coach().store().inTransaction(tx -> new coach.kam.accounts.Accounts().list(tx, REP).get(0).id());
        assertTrue(bot.coach().store().inTransaction(tx -> new coach.kam.targets.Targets().account(tx, REP, id)).isPresent());
        say(REP, "/delete 九州通医药");
        press(REP, "删除");
        assertContains(say(REP, "/deals"), "还没有商机");
        assertEquals(0, (int) bot.coach().store().inTransaction(tx -> new Deals().all(tx, REP).size()));
        assertEquals(java.util.Optional.empty(), bot.coach().store().inTransaction(tx ->
                new coach.kam.targets.Targets().account(tx, REP, id)));
    }

    @Test
    void anotherRepsOrAForgedButtonFindsNothing() {
        say(REP, "/new 九州通医药");
        say(REP, "/deal 冷链二期 300万");
        String data = bot.buttonData(REP, "🏆 赢单");
        assertContains(text(bot.pressData(OTHER, data)), "找不到这笔商机");
        assertContains(text(bot.pressData(REP, "dl:s:999999:1")), "找不到这笔商机");
        assertContains(text(bot.pressData(REP, "dl:s")), "找不到这笔商机");
        String stageData = data.replace(":w:", ":s:") + ":99";
        assertContains(text(bot.pressData(REP, stageData)), "找不到这笔商机");
        assertFalse(say(OTHER, "/deals").contains("冷链二期"));
    }
}
