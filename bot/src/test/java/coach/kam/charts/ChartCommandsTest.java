package coach.kam.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.kam.accounts.Account;
import coach.kam.accounts.Accounts;
import coach.kam.conversation.Event;
import coach.kam.conversation.Reply;
import coach.kam.flows.AccountFacts;
import coach.kam.testing.ChatDriver.Shown;
import coach.kam.testing.CoreDriver;
import coach.kam.testing.MutableClock;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** /chart through the conversation: each chart arrives as a photo reply, and missing data gets a short answer. */
class ChartCommandsTest {
    private static final long REP = 61;
    private MutableClock clock;
    private CoreDriver bot;

    @BeforeEach
    void start() throws Exception {
        clock = MutableClock.at("2026-12-03T02:00:00Z");
        bot = new CoreDriver(Files.createTempDirectory("kam-charts"), clock, "zh");
        bot.type(REP, "/lang zh");
    }

    @AfterEach
    void stop() {
        bot.close();
    }

    private List<Reply> send(String text) {
        return bot.coach().conversation().handle(new Event(REP, REP, null, text, null, null, "zh"));
    }

    private List<Reply> pressData(String data) {
        return bot.coach().conversation().handle(new Event(REP, REP, null, null, data, null, "zh"));
    }

    private static Reply photo(List<Reply> replies) {
        return replies.stream().filter(r -> r.hasDocument() && r.document().photo()).findFirst()
                .orElseThrow(() -> new AssertionError("no photo in " + replies.stream().map(Reply::plainText).toList()));
    }

    private static BufferedImage image(Reply r) throws Exception {
        assertTrue(r.document().fileName().endsWith(".png"), r.document().fileName());
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(r.document().bytes()));
        assertTrue(img.getWidth() >= 1080, "width " + img.getWidth());
        return img;
    }

    @Test
    void withNoDataEachChartSaysWhatIsMissingInsteadOfAnEmptyPicture() {
        assertTrue(text(send("/chart 漏斗")).contains("还没有进行中的商机"));
        assertTrue(text(send("/chart 目标")).contains("还没有目标"));
        assertTrue(text(send("/chart 趋势")).contains("还没有评估记录"));
        assertTrue(text(send("/chart 矩阵")).contains("还没有评估过的客户"));
        List<Shown> usage = bot.type(REP, "/chart");
        assertTrue(usage.get(0).text().contains("/chart pipeline"), usage.toString());
        assertEquals(List.of("📊 漏斗图", "📊 目标桥", "📈 等级趋势", "🔲 客户矩阵"), usage.get(0).buttons());
        assertTrue(text(send("/chart 趋势 没有这个客户")).contains("没找到客户“没有这个客户”"));
    }

    @Test
    void thePipelineAndTargetChartsArriveAsPhotosAndTheirButtonsSitUnderTheText() throws Exception {
        bot.type(REP, "/new 九州通医药");
        bot.type(REP, "/deal 九州通: 冷链二期 300万 方案阶段 3月底");
        List<Shown> pipeline = bot.type(REP, "/pipeline");
        assertTrue(pipeline.get(pipeline.size() - 1).buttons().contains("📊 漏斗图"), pipeline.toString());
        Reply funnel = photo(pipeline("📊 漏斗图"));
        image(funnel);
        assertTrue(funnel.plainText().contains("进行中 1 个 · 300万"), funnel.plainText());

        bot.type(REP, "/target 2000万");
        bot.type(REP, "/target 九州通: 300万 600万");
        List<Shown> target = bot.type(REP, "/target");
        assertTrue(target.get(0).buttons().contains("📊 目标桥"), target.toString());
        Reply bridge = photo(send("/chart target"));
        image(bridge);
        assertTrue(bridge.plainText().contains("2000万 → 4000万"), bridge.plainText());
    }

    private List<Reply> pipeline(String label) {
        return pressData(bot.buttonData(REP, label));
    }

    @Test
    void theTrendAndMatrixShowEvaluatedAccountsAndNameThoseNotYetEvaluated() throws Exception {
        bot.type(REP, "/new 九州通医药");
        bot.type(REP, "/new 华东医药");
        bot.type(REP, "/new 国药控股");
        AccountFacts facts = new AccountFacts();
        bot.coach().store().inTransaction(tx -> {
            Map<String, Account> byName = new java.util.HashMap<>();
            new Accounts().list(tx, REP).forEach(a -> byName.put(a.name(), a));
            Account jzt = byName.get("九州通医药");
            facts.putEvaluation(tx, jzt, evaluation(1, "2026-03-02T02:00:00Z", 58, "C"));
            facts.putEvaluation(tx, jzt, evaluation(2, "2026-09-02T02:00:00Z", 86, "A"));
            facts.putEvaluation(tx, byName.get("华东医药"), evaluation(3, "2026-06-02T02:00:00Z", 66, "B"));
            facts.putClassification(tx, jzt, new AccountFacts.Classification("A", 14, 90, clock.instant()));
            return null;
        });
        Reply trend = photo(send("/chart trend 九州通"));
        assertTrue(trend.plainText().contains("等级趋势 · 九州通医药"), trend.plainText());
        BufferedImage one = image(trend);
        Reply all = photo(send("/chart 趋势"));
        assertEquals("等级趋势", all.plainText());
        assertFalse(same(one, image(all)), "two accounts' lines differ from one account's");

        Reply matrix = photo(send("/chart portfolio"));
        image(matrix);
        assertTrue(matrix.plainText().contains("2 个客户按评估分"), matrix.plainText());
        assertTrue(matrix.plainText().contains("1 个客户还没评估"), matrix.plainText());
        assertTrue(matrix.document().fileName().startsWith("chart-portfolio-20261203-"), matrix.document().fileName());
    }

    @Test
    void aForgedOrStaleButtonIsAnsweredAndChangesNothing() {
        assertTrue(text(pressData("cht:r:999999")).contains("还没有评估记录"));
        assertTrue(text(pressData("cht:zz")).contains("/chart pipeline"));
    }

    private static AccountFacts.Evaluation evaluation(long run, String at, int score, String tier) {
        return new AccountFacts.Evaluation(run, java.time.Instant.parse(at), score, tier, "maintain", Map.of(), List.of());
    }

    private static boolean same(BufferedImage a, BufferedImage b) {
        for (int y = 0; y < a.getHeight(); y += 2) {
            for (int x = 0; x < a.getWidth(); x += 2) {
                if (a.getRGB(x, y) != b.getRGB(x, y)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static String text(List<Reply> replies) {
        return String.join("\n", replies.stream().map(Reply::plainText).toList());
    }

}
