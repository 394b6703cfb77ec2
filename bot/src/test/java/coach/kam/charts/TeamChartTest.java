package coach.kam.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.kam.conversation.Event;
import coach.kam.conversation.Reply;
import coach.kam.testing.CoreDriver;
import coach.kam.testing.MutableClock;
import coach.kam.testing.TestCoach;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** "/team chart": a manager sees the team's pipeline by rep as a picture; others get a short answer. */
class TeamChartTest {
    private static final long MANAGER = TestCoach.MANAGER;
    private static final long ANNA = 101;
    private static final long BO = 102;

    private static List<Reply> send(CoreDriver bot, long user, String text) {
        return bot.coach().conversation().handle(new Event(user, user, null, text, null, null, "zh"));
    }

    private static String text(List<Reply> replies) {
        return String.join("\n", replies.stream().map(Reply::plainText).toList());
    }

    @Test
    void aManagerSeesThePipelineByRep() throws Exception {
        try (CoreDriver bot = new CoreDriver(Files.createTempDirectory("kam-team-chart"),
                MutableClock.at("2026-12-03T02:00:00Z"), "zh")) {
            assertTrue(text(send(bot, ANNA, "/chart team")).contains("团队图只给带团队的经理看"));
            assertTrue(text(send(bot, MANAGER, "/team chart")).contains("团队图只给带团队的经理看"));
            String invite = text(send(bot, MANAGER, "/team invite"));
            String code = invite.substring(invite.indexOf("/join ") + 6, invite.indexOf("/join ") + 14);
            for (long rep : List.of(ANNA, BO)) {
                send(bot, rep, "/join " + code);
            }
            assertTrue(text(send(bot, MANAGER, "/team chart")).contains("团队里还没有人有进行中的商机"));
            send(bot, ANNA, "/new 九州通医药");
            send(bot, ANNA, "/deal 冷链二期 300万 方案");
            send(bot, BO, "/new 华东医药");
            send(bot, BO, "/deal 仓储外包 100万 签约");

            Reply photo = send(bot, MANAGER, "/team chart").stream().filter(r -> r.hasDocument() && r.document().photo())
                    .findFirst().orElseThrow();
            assertTrue(photo.plainText().contains("团队商机(2 人,合计 400万)"), photo.plainText());
            assertTrue(photo.document().fileName().startsWith("chart-team-"), photo.document().fileName());
            BufferedImage img = ImageIO.read(new ByteArrayInputStream(photo.document().bytes()));
            assertEquals(Charts.WIDTH, img.getWidth());
            assertTrue(colours(img) > 8, "a blank or near-blank chart");
            assertTrue(send(bot, MANAGER, "/chart 团队").stream().anyMatch(r -> r.hasDocument() && r.document().photo()));
        }
    }

    @Test
    void theChartDrawsLongAndChineseNames() throws Exception {
        byte[] png = new Charts().team(new ChartData.Team("团队商机(3 人,合计 700万)", "加权预测", "其余进行中", List.of(
                new ChartData.RepPipeline("王小明", 3_000_000, 1_200_000, "300万 · 120万"),
                new ChartData.RepPipeline("Anna Schmidt-Karlsson", 1_000_000, 900_000, "100万 · 90万"),
                new ChartData.RepPipeline("李", 0, 0, "0 · 0"))));
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
        assertEquals(Charts.HEIGHT, img.getHeight());
        for (String label : List.of("团队商机(3 人,合计 700万)", "加权预测", "其余进行中", "Team pipeline (3 reps, 7,000,000 open)",
                "Weighted forecast", "Rest of the open deals", "王小明", "300万 · 120万")) {
            assertEquals(-1, ChartFont.missingAt(label), "a character without a glyph in " + label);
        }
        assertTrue(colours(img) > 8);
    }

    private static int colours(BufferedImage img) {
        Set<Integer> seen = new HashSet<>();
        for (int y = 0; y < img.getHeight(); y += 3) {
            for (int x = 0; x < img.getWidth(); x += 3) {
                seen.add(img.getRGB(x, y));
            }
        }
        return seen.size();
    }
}
