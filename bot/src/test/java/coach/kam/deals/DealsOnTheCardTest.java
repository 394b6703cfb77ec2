package coach.kam.deals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.kam.flows.Dates;
import coach.kam.flows.Money;
import coach.kam.testing.ChatDriver.Shown;
import coach.kam.testing.CoreDriver;
import coach.kam.testing.MutableClock;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Open deals on the account card and in /brief, with their next step and a mark when late. */
class DealsOnTheCardTest {
    private static final long REP = 41;
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 3);
    private static final DealLine.Readers READERS = new DealLine.Readers(Money::parse, Dates::parse);
    private CoreDriver bot;
    private MutableClock clock;

    @BeforeEach
    void start() throws Exception {
        clock = MutableClock.at("2026-12-03T02:00:00Z");
        bot = new CoreDriver(Files.createTempDirectory("kam-deal-card"), clock, "zh");
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
    void theNextStepIsReadWithItsDateFromOneLine() {
        DealLine.Step zh = DealLine.nextStep("下周五 送报价单", TODAY, READERS);
        assertEquals("送报价单", zh.text());
        assertEquals(LocalDate.of(2026, 12, 11), zh.date());
        DealLine.Step joined = DealLine.nextStep("下周五送报价单", TODAY, READERS);
        assertEquals("送报价单", joined.text());
        assertEquals(LocalDate.of(2026, 12, 11), joined.date());
        DealLine.Step en = DealLine.nextStep("send the quote next fri", TODAY, READERS);
        assertEquals("send the quote", en.text());
        assertEquals(LocalDate.of(2026, 12, 11), en.date());
        DealLine.Step none = DealLine.nextStep("约王总吃饭", TODAY, READERS);
        assertEquals("约王总吃饭", none.text());
        assertNull(none.date());
    }

    @Test
    void theCardAndTheBriefShowOpenDealsWithStageAmountAndNextStepAndMarkLateOnes() {
        say("/new 九州通医药");
        say("/deal 冷链二期 300万 方案阶段 3月底");
        assertContains(press("➡ 下一步和日期"), "下一步做什么、哪天做");
        String saved = say("下周五 送报价单");
        assertContains(saved, "下一步已记下");
        assertContains(saved, "➡ 下一步:送报价单 · 📅 2026-12-11");
        say("/deal 仓储外包 100万 线索 12月10日");
        say("/deal 软件 50万 签约");
        press("❌ 丢单");
        say("预算砍了");
        long lost = bot.coach().store().inTransaction(tx -> new Deals().all(tx, REP)).get(0).id();
        String closed = text(bot.pressData(REP, "dl:x:" + lost));
        assertFalse(closed.contains("下一步做什么"), "a closed deal takes no next step:\n" + closed);
        assertContains(closed, "丢单");

        String card = say("/account 九州通");
        assertContains(card, "进行中的商机(2)");
        assertContains(card, "💼 冷链二期 · 300万 · 方案 40% · ➡ 送报价单 · 📅 2026-12-11");
        assertContains(card, "💼 仓储外包 · 100万 · 线索 5% · 预计 2026-12-10");
        assertFalse(card.contains("软件"), card);
        assertFalse(card.contains("逾期"), card);

        clock.advance(Duration.ofDays(8));
        String brief = say("/brief 九州通");
        assertContains(brief, "进行中的商机(2)");
        // late first: the close date of 10 Dec has passed, the next step of 11 Dec not yet
        int late = brief.indexOf("💼 仓储外包 · 100万 · 线索 5% · 预计 2026-12-10 ⚠️ 逾期");
        int onTime = brief.indexOf("💼 冷链二期");
        assertTrue(late >= 0 && onTime > late, brief);
        assertFalse(brief.substring(onTime).startsWith("💼 冷链二期 · 300万 · 方案 40% · ➡ 送报价单 · 📅 2026-12-11 ⚠️"), brief);

        clock.advance(Duration.ofDays(2));
        assertContains(say("/account 九州通"), "➡ 送报价单 · 📅 2026-12-11 ⚠️ 逾期");
    }

    @Test
    void anAccountWithoutOpenDealsShowsNoDealLines() {
        say("/new 华东医药");
        assertFalse(say("/account 华东").contains("商机"));
        assertFalse(say("/brief 华东").contains("进行中的商机"));
    }
}
