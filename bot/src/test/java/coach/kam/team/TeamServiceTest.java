package coach.kam.team;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.kam.store.MapDbStore;
import coach.kam.testing.MutableClock;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The team as a service: transactions, ids and times in, outcomes out; no chat. */
class TeamServiceTest {
    private static final long MANAGER = 100;
    private static final long REP = 7;
    private final MutableClock clock = MutableClock.at("2026-12-02T03:00:00Z");
    private final Team team = new Team(Set.of(MANAGER), clock);

    @TempDir
    Path dir;

    @Test
    void anInvitedRepWhoAcceptsIsInTheTeamAndARemovedRepsCodeStopsWorking() {
        try (MapDbStore db = MapDbStore.open(dir)) {
            db.inTransaction(tx -> {
                Instant now = clock.instant();
                Team.Result invited = team.invite(tx, MANAGER, REP);
                assertEquals(Team.Outcome.INVITED, invited.outcome());
                assertEquals(8, invited.code().length());
                assertFalse(team.leads(tx, MANAGER), "an invitation alone is no team");

                assertEquals(Team.Outcome.JOINED, team.answer(tx, REP, "Li Wei", MANAGER, true, now).outcome());
                assertTrue(team.leads(tx, MANAGER));
                assertEquals(Optional.of(MANAGER), team.managerOf(tx, REP));
                assertEquals(List.of(Map.entry(REP, "Li Wei")), team.reps(tx, MANAGER));
                assertEquals(List.of(), team.reps(tx, REP), "a rep is no manager");
                assertEquals(Team.Outcome.ALREADY, team.invite(tx, MANAGER, REP).outcome());

                Team.Result removed = team.remove(tx, MANAGER, REP);
                assertEquals(Team.Outcome.REMOVED, removed.outcome());
                assertTrue(removed.wasMember());
                assertNotEquals(invited.code(), removed.code(), "the code the rep knew is replaced");
                assertEquals(Team.Outcome.REPLACED_CODE, team.join(tx, REP, invited.code(), now).outcome());
                assertEquals(Team.Outcome.JOINED, team.join(tx, REP, removed.code(), now).outcome());
                assertEquals(Team.Outcome.SELF, team.join(tx, MANAGER, removed.code(), now).outcome());
                assertEquals(Team.Outcome.NOT_MEMBER, team.remove(tx, MANAGER, 8).outcome());
                return null;
            });
        }
    }

    @Test
    void sharingNeedsATeamAndWrongCodesAreThrottled() {
        try (MapDbStore db = MapDbStore.open(dir)) {
            db.inTransaction(tx -> {
                Instant now = clock.instant();
                assertFalse(team.share(tx, REP, true), "no team, nothing to share with");
                String code = team.code(tx, MANAGER, false);
                assertEquals(code, team.code(tx, MANAGER, false));
                assertEquals(Team.Outcome.JOINED, team.join(tx, REP, code, now).outcome());
                assertTrue(team.share(tx, REP, true));
                assertTrue(team.shares(tx, REP));
                assertEquals(Optional.of(MANAGER), team.leave(tx, REP));
                assertFalse(team.shares(tx, REP), "leaving ends sharing");

                for (int i = 0; i < 5; i++) {
                    assertEquals(Team.Outcome.UNKNOWN_CODE, team.join(tx, 9, "WRONG" + i, now).outcome());
                }
                Team.Result blocked = team.join(tx, 9, code, now);
                assertEquals(Team.Outcome.WAIT, blocked.outcome(), "even the right code waits");
                assertEquals(60, blocked.waitMinutes());
                return null;
            });
        }
    }
}
