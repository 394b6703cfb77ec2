package coach.kam.deals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.kam.KamCoach;
import coach.kam.backup.Backups;
import coach.kam.cli.MainRunner;
import coach.kam.testing.ChatDriver.Shown;
import coach.kam.testing.CoreDriver;
import coach.kam.testing.MutableClock;
import coach.kam.testing.TestCoach;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A deal lost for a reason that reads as an objection counts against that objection: on the deal's
 * card, in /pipeline, in the manager's digest and in `kam-coach objections lost`.
 */
class LostToObjectionsTest {
    private static final long REP = 51;

    @TempDir
    Path dir;

    private static String text(List<Shown> shown) {
        return String.join("\n", shown.stream().map(Shown::text).toList());
    }

    private static void assertContains(String reply, String wanted) {
        assertTrue(reply.contains(wanted), "expected '" + wanted + "' in:\n" + reply);
    }

    @Test
    void lostReasonsAreMatchedAndCountedPerObjection() throws Exception {
        Path data = dir.resolve("data");
        MutableClock clock = MutableClock.at("2026-12-03T02:00:00Z");
        CoreDriver bot = new CoreDriver(data, clock, "zh");
        try {
            long manager = TestCoach.MANAGER;
            bot.type(manager, "/lang zh");
            bot.type(REP, "/lang zh");
            String invite = text(bot.type(manager, "/team invite"));
            String code = invite.substring(invite.indexOf("/join ") + 6, invite.indexOf("/join ") + 14);
            assertContains(text(bot.type(REP, "/join " + code)), "已加入");
            bot.type(REP, "/new 九州通医药");
            bot.type(REP, "/deal 冷链二期 300万 方案");
            bot.press(REP, "❌ 丢单");
            String lost = text(bot.type(REP, "客户嫌我们价格太贵了"));
            assertContains(lost, "已记为丢单");
            assertContains(lost, "丢单原因对应的异议:价格太贵");
            assertContains(text(bot.press(REP, "💬 这个异议的话术")), "价格太贵");
            bot.type(REP, "/deal 仓储外包 50万 谈判");
            bot.press(REP, "❌ 丢单");
            bot.type(REP, "太贵了");
            bot.type(REP, "/deal 软件 20万");
            bot.press(REP, "❌ 丢单");
            String unmatched = text(bot.type(REP, "客户的仓库失火了"));
            assertFalse(unmatched.contains("丢单原因对应的异议"), unmatched);

            assertContains(text(bot.type(REP, "/pipeline")), "丢单里的异议: 价格太贵 ×2(350万)");
            String digest = text(bot.type(manager, "/team digest"));
            assertContains(digest, "近 7 天丢单的异议:价格太贵 ×2(350万)");
            assertFalse(digest.contains("客户嫌我们"), digest);

            // reopened, a deal no longer counts as lost to the objection
            bot.type(REP, "/deals");
            List<Deal> all = bot.coach().store().inTransaction(tx -> new Deals().all(tx, REP));
            assertEquals(3, all.size());
            assertEquals(2, all.stream().filter(d -> "price-too-high".equals(d.objectionId())).count());
            bot.pressData(REP, "dl:r:" + all.get(0).id());
            assertNull(bot.coach().store().inTransaction(tx -> new Deals().get(tx, REP, all.get(0).id())).get()
                    .objectionId());

            KamCoach coach = bot.coach();
            try (Backups serving = new Backups(coach.store(), data, Optional.empty(), clock).start()) {
                String listed = MainRunner.run("objections", "lost", "--data", data.toString());
                assertTrue(listed.startsWith("2 deals\t3500000\tprice-too-high\t价格太贵\t1 rep"), "[" + listed + "]");
                String json = MainRunner.run("objections", "lost", "--json", "--lang", "en", "--data", data.toString());
                assertContains(json, "\"objection\":\"price-too-high\"");
                assertContains(json, "\"deals\":2");
            }
        } finally {
            bot.close();
        }
    }

    @Test
    void theCountsAddUpAndOnlyLossesSinceADayCount() {
        java.time.Instant now = java.time.Instant.parse("2026-12-03T02:00:00Z");
        List<Deal> deals = List.of(lost(1, 1, "no-budget", "100", now), lost(2, 2, "no-budget", "50", now),
                lost(3, 1, "price-too-high", "500", now), lost(4, 1, null, "70", now),
                lost(5, 1, "price-too-high", "900", now.minus(Duration.ofDays(30))));
        ObjectionLosses week = ObjectionLosses.of(deals, now.minus(Duration.ofDays(7)));
        assertEquals(List.of(new ObjectionLosses.Row("no-budget", 2, new BigDecimal("150"), 2),
                new ObjectionLosses.Row("price-too-high", 1, new BigDecimal("500"), 1)), week.rows());
        assertEquals(1, week.unmatched());
        assertEquals(new BigDecimal("70"), week.unmatchedAmount());
        ObjectionLosses ever = ObjectionLosses.of(deals, null);
        assertEquals("price-too-high", ever.rows().get(0).objectionId());
        assertEquals(new BigDecimal("1400"), ever.rows().get(0).amount());
    }

    private static Deal lost(long id, long owner, String objection, String amount, java.time.Instant at) {
        return new Deal(id, owner, 1, "d" + id, new BigDecimal(amount), "lead", null, null, Deal.Status.LOST, "why",
                at, at, null, objection);
    }
}
