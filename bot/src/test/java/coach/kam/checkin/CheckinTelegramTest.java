package coach.kam.checkin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.kam.KamCoach;
import coach.kam.config.Config;
import coach.kam.conversation.Event;
import coach.kam.telegram.FakeBotApi;
import coach.kam.telegram.TelegramRunner;
import coach.kam.testing.MutableClock;
import coach.kam.testing.TelegramDriver;
import coach.kam.testing.TestCoach;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rep's week through the real Telegram client and the fake Bot API, with a moved clock: the
 * check-in, reminders set in Chinese and in English, a snooze, a nudge and the manager's digest.
 * Then a thousand reps due in the same minute, through the paced send queue, against a fake that
 * enforces Telegram's flood limits.
 */
class CheckinTelegramTest {
    private static final long REP = 1;
    private static final long MANAGER = TestCoach.MANAGER;
    private static final Duration WAIT = Duration.ofSeconds(60);
    @TempDir
    Path dir;

    private static List<JsonNode> sentTo(FakeBotApi api, long chat, int from) {
        List<JsonNode> out = new ArrayList<>();
        List<FakeBotApi.Call> calls = api.calls("sendMessage");
        for (FakeBotApi.Call c : calls.subList(Math.min(from, calls.size()), calls.size())) {
            if (c.ok() && c.params().path("chat_id").asLong() == chat) {
                out.add(c.params());
            }
        }
        return out;
    }

    /** Runs the schedule and waits until Telegram accepted what it sent. */
    private static List<JsonNode> runDue(TelegramDriver bot, long chat, int expected) {
        int before = bot.api().calls("sendMessage").size();
        int reps = bot.coach().scheduler().runDue();
        bot.coach().sendQueue().wake();
        if (expected > 0) {
            bot.api().awaitCalls("sendMessage", before + reps, WAIT);
        }
        List<JsonNode> got = sentTo(bot.api(), chat, before);
        assertEquals(expected, got.size(), "messages to " + chat + ": " + got);
        return got;
    }

    private static String buttonData(JsonNode message, String label) {
        for (JsonNode row : message.path("reply_markup").path("inline_keyboard")) {
            for (JsonNode b : row) {
                if (b.path("text").asText().equals(label)) {
                    return b.path("callback_data").asText();
                }
            }
        }
        throw new AssertionError("no button " + label + " in " + message);
    }

    private static void at(MutableClock clock, String instant) {
        clock.advance(Duration.between(clock.instant(), Instant.parse(instant)));
    }

    @Test
    void aRepsWeek() {
        MutableClock clock = MutableClock.at("2026-11-27T02:00:00Z");
        try (TelegramDriver bot = new TelegramDriver(dir, clock, "en", Set.of())) {
            bot.type(REP, "/lang en");
            bot.type(REP, "/new Acme Foods");
            bot.type(REP, "/new Borealis Retail");
            for (String name : List.of("acme", "borealis")) {
                bot.type(REP, "/classify " + name);
                bot.type(REP, "1");
                bot.type(REP, "1");
            }
            String zh = String.join(" ", bot.type(REP, "提醒我明天10点给Acme打电话").get(0).text());
            assertTrue(zh.contains("2026-11-28 Sat 10:00"), zh);
            String en = bot.type(REP, "/remind borealis: Monday 3pm send the quote").get(0).text();
            assertTrue(en.contains("2026-11-30 Mon 15:00"), en);
            bot.type(MANAGER, "/lang en");
            int before = bot.api().calls("sendMessage").size();
            String added = bot.type(MANAGER, "/team add 1").toString();
            assertTrue(added.contains("Invited 1"), added);
            bot.coach().sendQueue().wake();
            JsonNode invitation = bot.api().awaitCall("sendMessage",
                    p -> p.path("chat_id").asLong() == REP && p.path("text").asText().contains("invites you"), WAIT)
                    .params();
            assertTrue(sentTo(bot.api(), REP, before).contains(invitation), invitation.toString());
            String joined = bot.pressData(REP, buttonData(invitation, "✅ Accept")).toString();
            assertTrue(joined.contains("You joined"), joined);
            runDue(bot, REP, 0);

            at(clock, "2026-11-28T02:00:00Z");
            JsonNode reminder = runDue(bot, REP, 1).get(0);
            assertTrue(reminder.path("text").asText().contains("给Acme打电话"), reminder.toString());
            String done = bot.pressData(REP, buttonData(reminder, "✅ Done")).toString();
            assertTrue(done.contains("Done"), done);

            at(clock, "2026-11-30T01:00:00Z");
            JsonNode checkin = runDue(bot, REP, 1).get(0);
            String text = checkin.path("text").asText();
            assertTrue(text.contains("Weekly check-in") && text.contains("Acme Foods") && text.contains("Borealis Retail"), text);
            List<JsonNode> digest = sentTo(bot.api(), MANAGER, 0);
            assertTrue(digest.stream().anyMatch(m -> m.path("text").asText().contains("Team digest")), digest.toString());
            bot.pressData(REP, buttonData(checkin, "💤"));
            bot.press(REP, "2 weeks");
            assertTrue(bot.press(REP, "Waiting on their decision").get(0).text().contains("snoozed until 2026-12-15"));
            bot.pressData(REP, buttonData(checkin, "✔ No change"));

            at(clock, "2026-11-30T07:00:00Z");
            assertTrue(runDue(bot, REP, 1).get(0).path("text").asText().contains("send the quote"));

            at(clock, "2026-12-09T01:00:00Z");
            String nudge = runDue(bot, REP, 1).get(0).path("text").asText();
            assertTrue(nudge.contains("Worth a look today") && nudge.contains("Borealis Retail"), nudge);
            assertFalse(nudge.contains("Acme Foods"), "snoozed accounts are not nudged: " + nudge);
            assertEquals(List.of(), bot.api().violations());
        }
    }

    @Test
    void aThousandRepsDueInTheSameMinuteDrawNoTooManyRequests() {
        MutableClock clock = MutableClock.at("2026-11-27T02:00:00Z");
        FakeBotApi api = FakeBotApi.start(TelegramDriver.TOKEN);
        api.enforceLimits();
        int reps = 1000;
        try (TelegramDriver bot = new TelegramDriver(dir, clock, "en", Set.of(), api,
                url -> TelegramRunner.Settings.of(TelegramDriver.TOKEN, url, Config.DEFAULT_SEND_RATE))) {
            KamCoach coach = bot.coach();
            for (long u = 10_000; u < 10_000 + reps; u++) {
                coach.conversation().handle(new Event(u, u, null, "/new Account of " + u, null, null, "en"));
            }
            coach.scheduler().runDue();
            at(clock, "2026-11-30T01:00:00Z");
            int before = api.calls("sendMessage").size();
            long started = System.nanoTime();
            int messaged = coach.scheduler().runDue();
            coach.sendQueue().wake();
            assertEquals(reps, messaged);
            api.awaitCalls("sendMessage", before + reps, Duration.ofSeconds(180));
            double seconds = (System.nanoTime() - started) / 1e9;
            List<FakeBotApi.Call> sent = api.calls("sendMessage").subList(before, before + reps);
            Map<Long, Integer> perChat = new HashMap<>();
            sent.forEach(c -> perChat.merge(c.params().path("chat_id").asLong(), 1, Integer::sum));
            System.out.printf("check-in burst: %d reps in %.1f s, peak %d messages in one second, %d answered 429%n",
                    reps, seconds, peakPerSecond(sent), api.tooManyRequests());
            assertEquals(reps, perChat.size(), "one check-in per rep");
            assertTrue(perChat.values().stream().allMatch(n -> n == 1));
            assertEquals(0, api.tooManyRequests(), "no send broke Telegram's flood limits");
        }
    }

    private static int peakPerSecond(List<FakeBotApi.Call> calls) {
        int peak = 0;
        int from = 0;
        for (int i = 0; i < calls.size(); i++) {
            while (calls.get(i).receivedAtNanos() - calls.get(from).receivedAtNanos() >= 1_000_000_000L) {
                from++;
            }
            peak = Math.max(peak, i - from + 1);
        }
        return peak;
    }
}
