package coach.kam.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.kam.KamCoach;
import coach.kam.access.Access;
import coach.kam.audit.Audit;
import coach.kam.conversation.Event;
import coach.kam.store.MapDbStore;
import coach.kam.testing.MutableClock;
import coach.kam.testing.TestCoach;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Guessing is throttled and audited: the sixth wrong /join code within the hour is not even
 * checked (the rep is asked to wait), an hour later they may try again, and {@code kam-coach
 * audit} lists every try. The invite code likewise, in memory only.
 */
class GuessingTest {
    private static final long REP = 41;
    @TempDir
    Path dir;

    @Test
    void theSixthWrongJoinCodeIsThrottledAndAuditListsTheTries() throws Exception {
        MutableClock clock = MutableClock.at("2026-03-02T08:00:00Z");
        Path data = dir.resolve("data");
        try (KamCoach coach = TestCoach.start(data, clock)) {
            String invite = coach.conversation().handle(new Event(TestCoach.MANAGER, TestCoach.MANAGER, null,
                    "/team invite", null, null, "en")).toString();
            String code = invite.replaceAll("(?s).*?\\b([A-Z0-9]{6,})\\b.*", "$1");
            for (int i = 1; i <= 5; i++) {
                String r = say(coach, "/join WRONG" + i);
                assertFalse(r.contains("Too many wrong codes"), "try " + i + " is checked: " + r);
            }
            String sixth = say(coach, "/join " + code);
            assertTrue(sixth.contains("Too many wrong codes. Try again in 60 minutes"), sixth);
            clock.advance(Duration.ofMinutes(61));
            String later = say(coach, "/join " + code);
            assertFalse(later.contains("Too many wrong codes"), later);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream was = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            assertEquals(0, Main.run(new String[] {"audit", "--data", data.toString()}));
        } finally {
            System.setOut(was);
        }
        String audit = out.toString(StandardCharsets.UTF_8);
        assertEquals(5, audit.lines().filter(l -> l.contains("user " + REP + "  join.wrong")).count(), audit);
        assertEquals(1, audit.lines().filter(l -> l.contains("join.throttled")).count(), audit);
        assertEquals(1, audit.lines().filter(l -> l.contains("team.join")).count(), audit);
    }

    private static String say(KamCoach coach, String text) {
        return coach.conversation().handle(new Event(REP, REP, null, text, null, null, "en")).toString();
    }

    @Test
    void theInviteCodeCannotBeGuessedAndTheTriesAreAuditedWithoutTheirText() throws Exception {
        MutableClock clock = MutableClock.at("2026-03-02T08:00:00Z");
        try (MapDbStore store = MapDbStore.open(dir.resolve("d"))) {
            Access access = new Access(store, Set.of(), Set.of(), Optional.of("right-code"), false);
            for (int i = 0; i < 5; i++) {
                assertFalse(access.tryInvite(7, "/start guess" + i, clock.instant()));
            }
            assertFalse(access.tryInvite(7, "/start right-code", clock.instant()), "the sixth try is not checked");
            assertTrue(access.tryInvite(8, "/start right-code", clock.instant()), "another user is not held up");
            clock.advance(Duration.ofMinutes(61));
            assertTrue(access.tryInvite(7, "/start right-code", clock.instant()), "an hour later it is checked again");
            List<Audit.Entry> audited = store.inTransaction(tx -> Audit.newest(tx, 10));
            assertEquals(List.of("invite.throttled", "invite.wrong", "invite.wrong", "invite.wrong", "invite.wrong",
                    "invite.wrong"), audited.stream().map(Audit.Entry::action).toList(), "each try is audited");
            assertTrue(audited.stream().allMatch(e -> e.userId() == 7 && e.detail().isEmpty()),
                    "by user id only: the guessed codes are not kept");
        }
    }
}
