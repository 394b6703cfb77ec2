package coach.kam.checkin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.kam.KamCoach;
import coach.kam.config.Config;
import coach.kam.conversation.Button;
import coach.kam.conversation.Event;
import coach.kam.conversation.Reply;
import coach.kam.retrieval.SearchIndexes;
import coach.kam.store.MapDbStore;
import coach.kam.testing.MutableClock;
import coach.kam.testing.TestCoach;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Check-ins, reminders, nudges and the digest with a moved clock: nothing here sleeps. */
class CheckinScheduleTest {
    private static final long REP = 1;
    private static final long MANAGER = 900;
    @TempDir
    Path dir;
    private MutableClock clock;
    private KamCoach coach;
    /** What the scheduler handed to the send queue, per chat. */
    private final List<Map.Entry<Long, Reply>> queued = new ArrayList<>();
    private List<Reply> lastReplies = List.of();

    private void start(String at) {
        clock = MutableClock.at(at);
        open();
    }

    private void open() {
        Config config = Config.fromEnvironment(Map.of("KAM_DATA_DIR", dir.toString(),
                "KAM_KNOWLEDGE_DIR", TestCoach.KNOWLEDGE.toString(), "KAM_ADMINS", Long.toString(MANAGER)));
        coach = KamCoach.assemble(config, clock, TestCoach.knowledge(), MapDbStore.open(dir),
                SearchIndexes.of(TestCoach.indexes()), Optional.empty());
        coach.scheduler().sendTo((tx, chat, replies) -> replies.forEach(r -> queued.add(Map.entry(chat, r))));
    }

    @AfterEach
    void close() {
        if (coach != null) {
            coach.close();
        }
    }

    private String say(long user, String text) {
        lastReplies = coach.conversation().handle(new Event(user, user, null, text, null, null, "en"));
        return String.join("\n", lastReplies.stream().map(Reply::plainText).toList());
    }

    private String press(long user, String label, List<Reply> in) {
        String data = in.stream().flatMap(r -> r.buttons().stream()).flatMap(List::stream)
                .filter(b -> b.label().equals(label)).map(Button::data).findFirst()
                .orElseThrow(() -> new AssertionError("no button " + label + " in " + in));
        lastReplies = coach.conversation().handle(new Event(user, user, null, null, data, null, "en"));
        return String.join("\n", lastReplies.stream().map(Reply::plainText).toList());
    }

    /** Runs what is due at the clock's time and returns what went out, then forgets it. */
    private List<Map.Entry<Long, Reply>> due() {
        coach.scheduler().runDue();
        List<Map.Entry<Long, Reply>> out = new ArrayList<>(queued);
        queued.clear();
        return out;
    }

    private void at(String instant) {
        clock.advance(Duration.between(clock.instant(), Instant.parse(instant)));
    }

    private static void assertContains(String reply, String wanted) {
        assertTrue(reply.contains(wanted), "expected '" + wanted + "' in:\n" + reply);
    }

    private static String text(List<Map.Entry<Long, Reply>> out) {
        return String.join("\n", out.stream().map(e -> e.getValue().plainText()).toList());
    }

    @Test
    void checkInFollowsTheRepsLocalTimeAcrossADaylightSavingChange() {
        start("2027-03-20T12:00:00Z");
        say(REP, "/lang en");
        say(REP, "/settings");
        assertContains(say(REP, "Europe/Paris"), "Europe/Paris");
        say(REP, "/new Acme Foods");
        assertTrue(due().isEmpty());
        at("2027-03-22T07:59:00Z");
        assertTrue(text(due()).isEmpty(), "not before 09:00 Paris time");
        at("2027-03-22T08:00:00Z");
        List<Map.Entry<Long, Reply>> first = due();
        assertEquals(1, first.size());
        assertTrue(text(first).contains("Weekly check-in"));
        assertTrue(text(first).contains("Acme Foods"));
        // clocks went forward on 28 March: 09:00 in Paris is now 07:00 UTC
        at("2027-03-29T06:59:00Z");
        assertTrue(due().isEmpty());
        at("2027-03-29T07:00:00Z");
        List<Map.Entry<Long, Reply>> second = due();
        assertEquals(1, second.size());
        assertTrue(text(second).contains("Last week's check-in went unanswered"), text(second));
        press(REP, "✔ No change", List.of(second.get(0).getValue()));
        at("2027-04-05T07:00:00Z");
        assertFalse(text(due()).contains("went unanswered"), "an unanswered check-in is mentioned once");
    }

    @Test
    void aSnoozedAccountIsLeftOutUntilItsDay() {
        start("2026-11-27T02:00:00Z");
        say(REP, "/lang en");
        say(REP, "/new Acme Foods");
        say(REP, "/new Borealis Retail");
        due();
        at("2026-11-30T01:00:00Z");
        List<Map.Entry<Long, Reply>> monday = due();
        assertTrue(text(monday).contains("Acme Foods") && text(monday).contains("Borealis Retail"), text(monday));
        List<Reply> checkin = monday.stream().map(Map.Entry::getValue).toList();
        press(REP, "💤", List.of(new Reply("", List.of(checkin.get(0).buttons().get(0)))));
        press(REP, "1 week", lastReplies);
        assertTrue(press(REP, "Customer is busy", lastReplies).contains("snoozed until 2026-12-08"), lastReplies.toString());
        at("2026-12-07T01:00:00Z");
        String next = text(due());
        assertTrue(next.contains("Borealis Retail"), next);
        assertFalse(next.contains("Acme Foods"), "snoozed: " + next);
        at("2026-12-14T01:00:00Z");
        assertTrue(text(due()).contains("Acme Foods"), "back after the snooze");
    }

    @Test
    void whatFellDueDuringDowntimeGoesOutOnceCollapsedPerRep() {
        start("2026-11-27T02:00:00Z");
        say(REP, "/lang en");
        say(REP, "/new Acme Foods");
        assertContains(say(REP, "/remind acme: in 2 hours call Li"), "Reminder set for 2026-11-27 Fri 12:00");
        assertContains(say(REP, "/remind tomorrow 9:00 send the quote"), "2026-11-28 Sat 09:00");
        due();
        coach.close();
        at("2026-12-05T02:00:00Z");
        open();
        List<Map.Entry<Long, Reply>> after = due();
        assertEquals(1, after.size(), "one message for the rep");
        String all = text(after);
        assertTrue(all.contains("call Li") && all.contains("send the quote") && all.contains("Weekly check-in"), all);
        assertTrue(due().isEmpty(), "nothing twice");
        coach.close();
        open();
        assertTrue(due().isEmpty(), "nothing twice after another restart");
    }

    @Test
    void aReminderArrivesOnTheMinuteWithItsButtons() {
        start("2026-11-27T02:00:30Z");
        say(REP, "/lang en");
        say(REP, "/new Acme Foods");
        due();
        assertContains(say(REP, "/remind acme: in 1 minute call Li"), "10:01");
        at("2026-11-27T02:00:59Z");
        assertTrue(due().isEmpty());
        at("2026-11-27T02:01:00Z");
        List<Map.Entry<Long, Reply>> out = due();
        assertEquals(1, out.size());
        assertTrue(text(out).contains("Reminder: call Li"));
        List<Reply> reminder = List.of(out.get(0).getValue());
        assertTrue(press(REP, "+1 day", reminder).contains("2026-11-28 Sat 10:01"), lastReplies.toString());
        assertContains(say(REP, "/reminders"), "call Li");
        at("2026-11-28T02:01:00Z");
        assertTrue(text(due()).contains("call Li"));
    }

    @Test
    void anUnclearTimeIsAskedBackNeverGuessed() {
        start("2026-11-27T02:00:00Z");
        say(REP, "/lang en");
        String reply = say(REP, "/remind next call the buyer");
        assertTrue(reply.contains("not specific enough"), reply);
        assertContains(say(REP, "/reminders"), "No open reminders");
        assertContains(say(REP, "提醒我下周三下午两点去华东医药开会"), "2026-12-02 Wed 14:00");
    }

    @Test
    void atMostOneNudgeADayGroupingEverythingDue() {
        start("2026-11-27T02:00:00Z");
        say(REP, "/lang en");
        for (String name : List.of("Acme Foods", "Borealis Retail")) {
            say(REP, "/new " + name);
            say(REP, "/classify " + name);
            say(REP, "1");
            say(REP, "1");
        }
        due();
        at("2026-12-09T01:00:00Z");
        List<Map.Entry<Long, Reply>> wednesday = due();
        assertEquals(1, wednesday.size(), text(wednesday));
        String nudge = text(wednesday);
        assertTrue(nudge.contains("Worth a look today") && nudge.contains("Acme Foods") && nudge.contains("Borealis Retail"), nudge);
        at("2026-12-10T01:00:00Z");
        assertTrue(due().isEmpty(), "the same things are not nudged again the next day");
    }

    @Test
    void theManagersDigestCountsWithoutShowingNotes() {
        start("2026-11-27T02:00:00Z");
        say(MANAGER, "/lang en");
        assertContains(say(REP, "/team add 1"), "managers only");
        say(REP, "/lang en");
        assertContains(say(MANAGER, "/team add 1"), "Invited 1");
        List<Reply> invitation = queued.stream().filter(e -> e.getKey() == REP).map(Map.Entry::getValue).toList();
        queued.clear();
        assertContains(press(REP, "✅ Accept", invitation), "You joined");
        say(REP, "/new Acme Foods");
        say(REP, "the buyer told me a secret price");
        say(REP, "/checkin");
        due();
        at("2026-11-30T01:00:00Z");
        List<Map.Entry<Long, Reply>> monday = due();
        String digest = monday.stream().filter(e -> e.getKey() == MANAGER).map(e -> e.getValue().plainText())
                .findFirst().orElseThrow(() -> new AssertionError("no digest in " + monday));
        assertTrue(digest.contains("Team digest") && digest.contains("accounts: 1"), digest);
        assertFalse(digest.contains("secret price"));
    }
}
