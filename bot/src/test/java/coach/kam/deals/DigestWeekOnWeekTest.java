package coach.kam.deals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.kam.testing.ChatDriver.Shown;
import coach.kam.testing.CoreDriver;
import coach.kam.testing.MutableClock;
import coach.kam.testing.TestCoach;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The manager's digest shows each rep's open pipeline against a week before. */
class DigestWeekOnWeekTest {
    private static final long REP = 91;

    private static String text(List<Shown> shown) {
        return String.join("\n", shown.stream().map(Shown::text).toList());
    }

    @Test
    void thePipelineIsComparedWithAWeekBefore() throws Exception {
        MutableClock clock = MutableClock.at("2026-12-03T02:00:00Z");
        try (CoreDriver bot = new CoreDriver(Files.createTempDirectory("kam-wow"), clock, "zh")) {
            long manager = TestCoach.MANAGER;
            bot.type(manager, "/lang zh");
            bot.type(REP, "/lang zh");
            String invite = text(bot.type(manager, "/team invite"));
            bot.type(REP, "/join " + invite.substring(invite.indexOf("/join ") + 6, invite.indexOf("/join ") + 14));
            bot.type(REP, "/new 九州通医药");
            bot.type(REP, "/deal 冷链二期 300万 方案");
            clock.advance(Duration.ofDays(8));
            bot.type(REP, "/deal 仓储外包 100万");
            bot.type(REP, "/deals");
            bot.press(REP, "冷链二期");
            bot.press(REP, "❌ 丢单");
            bot.type(REP, "客户的仓库失火了");
            bot.type(REP, "/deal 软件 50万");
            String digest = text(bot.type(manager, "/team digest"));
            assertTrue(digest.contains("商机:进行中 2 笔 · 150万"), digest);
            assertTrue(digest.contains("较上周:进行中 +1 笔 · -150万(上周 300万)"), digest);
        }
    }

    @Test
    void openAtCountsDealsCreatedByThenAndNotYetClosed() {
        Instant t0 = Instant.parse("2026-12-01T00:00:00Z");
        Deal openOld = deal(1, Deal.Status.OPEN, "100", t0.minusSeconds(10), t0.minusSeconds(10));
        Deal lostAfter = deal(2, Deal.Status.LOST, "200", t0.minusSeconds(10), t0.plusSeconds(10));
        Deal wonBefore = deal(3, Deal.Status.WON, "400", t0.minusSeconds(20), t0.minusSeconds(5));
        Deal newer = deal(4, Deal.Status.OPEN, "800", t0.plusSeconds(5), t0.plusSeconds(5));
        Forecast.Open o = Forecast.openAt(List.of(openOld, lostAfter, wonBefore, newer), t0);
        assertEquals(2, o.count());
        assertEquals(0, new BigDecimal("300").compareTo(o.total()));
    }

    private static Deal deal(long id, Deal.Status s, String amount, Instant created, Instant changed) {
        return new Deal(id, REP, 1, "d" + id, new BigDecimal(amount), "lead", null, null, s, null, created, changed,
                null, null);
    }
}
