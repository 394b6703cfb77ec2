package coach.kam.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.kam.telegram.FakeBotApi;
import coach.kam.testing.Kept;
import coach.kam.testing.MutableClock;
import coach.kam.testing.TelegramDriver;
import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A chart reaches Telegram as sendPhoto (a multipart PNG upload) through the real client and the fake Bot API. */
class ChartTelegramTest {
    private static final long REP = 8;
    private static final Duration WAIT = Duration.ofSeconds(20);
    @TempDir
    Path dir;
    private TelegramDriver bot;

    @BeforeEach
    void start() {
        bot = new TelegramDriver(dir, MutableClock.at("2026-03-02T08:00:00Z"), "zh", Set.of(REP));
    }

    @AfterEach
    void stop() {
        List<String> violations = bot.api().violations();
        bot.close();
        assertEquals(List.of(), violations, "calls that break the Bot API");
    }

    @Test
    void theFunnelArrivesAsAPhotoWithItsCaptionAndNextButton() throws Exception {
        bot.type(REP, "/lang zh");
        bot.type(REP, "/new 九州通医药");
        bot.type(REP, "/deal 九州通: 冷链二期 300万 方案阶段 3月底");
        bot.type(REP, "/chart 漏斗");
        FakeBotApi.Call call = bot.api().awaitCall("sendPhoto", p -> true, WAIT);
        assertTrue(call.ok(), "answered " + call.httpStatus());
        JsonNode params = call.params();
        assertEquals(REP, params.path("chat_id").asLong());
        assertTrue(params.path("photo").path("file_name").asText().startsWith("chart-pipeline-"), params.toString());
        assertTrue(params.path("caption").asText().contains("300万"), params.path("caption").asText());
        assertEquals("HTML", params.path("parse_mode").asText());
        assertEquals("cht:t", params.path("reply_markup").path("inline_keyboard").path(0).path(0).path("callback_data").asText());
        byte[] png = params.path("photo").path("bytes").binaryValue();
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertTrue(image.getWidth() >= 1080, "width " + image.getWidth());
        assertEquals(0, bot.api().calls("sendDocument").size(), "a chart is a photo, not a file");
        bot.api().awaitState(() -> bot.coach().store().inTransaction(tx -> tx.records(Kept.table("send-documents"), "")).isEmpty(),
                WAIT, "the picture's bytes removed from the store once sent");
    }
}
