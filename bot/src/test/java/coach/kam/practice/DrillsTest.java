package coach.kam.practice;

import static org.junit.jupiter.api.Assertions.assertEquals;

import coach.kam.accounts.Account;
import coach.kam.accounts.Accounts;
import coach.kam.accounts.Note;
import coach.kam.store.MapDbStore;
import coach.kam.testing.TestCoach;
import java.nio.file.Files;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The next drill: due first, then 👎, then met in notes, then new; and only the rep's own records count. */
class DrillsTest {
    private static final LocalDate DAY = LocalDate.of(2026, 11, 27);
    private static final Instant NOW = Instant.parse("2026-11-27T02:00:00Z");

    @Test
    void dueThenDislikedThenMetThenNew() throws Exception {
        Accounts accounts = new Accounts();
        PracticeStore store = new PracticeStore();
        Drills drills = new Drills(TestCoach.knowledge(), accounts, store);
        try (MapDbStore db = MapDbStore.open(Files.createTempDirectory("kam-drills"))) {
            db.inTransaction(tx -> {
                assertEquals(new Drills.Pick("price-too-high", "new"), drills.next(tx, 1, DAY).orElseThrow());
                Account a = accounts.create(tx, 1, "Acme", NOW);
                accounts.addNote(tx, a, Note.objection(a.id(), "no-budget", "no money this year", NOW));
                accounts.addNote(tx, a, Note.objection(a.id(), "no-budget", "budget is gone", NOW));
                accounts.addNote(tx, a, Note.objection(a.id(), "too-busy", "too busy", NOW).withResult(false));
                Account other = accounts.create(tx, 2, "Other rep's", NOW);
                accounts.addNote(tx, other, Note.objection(other.id(), "lead-time", "too slow", NOW).withResult(false));
                assertEquals(new Drills.Pick("too-busy", "disliked"), drills.next(tx, 1, DAY).orElseThrow());
                store.grade(tx, 1, PracticeStore.DRILL, "too-busy", 5, DAY);
                assertEquals(new Drills.Pick("no-budget", "met"), drills.next(tx, 1, DAY).orElseThrow());
                store.grade(tx, 1, PracticeStore.DRILL, "no-budget", 1, DAY);
                assertEquals(new Drills.Pick("price-too-high", "new"), drills.next(tx, 1, DAY).orElseThrow(),
                        "a missed item is not due again the same day");
                assertEquals(new Drills.Pick("no-budget", "due"), drills.next(tx, 1, DAY.plusDays(1)).orElseThrow(),
                        "it is due the next day");
                store.grade(tx, 1, PracticeStore.DRILL, "no-budget", 4, DAY.plusDays(1));
                assertEquals(new Drills.Pick("too-busy", "due"), drills.next(tx, 1, DAY.plusDays(1)).orElseThrow(),
                        "the item passed first (interval 1) is due the next day too");
                return null;
            });
        }
    }

    @Test
    void aScriptVotedDownOnTheObjectionCardComesFirst() throws Exception {
        coach.kam.objections.ScriptFeedback votes = new coach.kam.objections.ScriptFeedback();
        Drills drills = new Drills(TestCoach.knowledge(), new Accounts(), new PracticeStore())
                .votedDown((tx, rep) -> votes.disliked(tx, rep));
        try (MapDbStore db = MapDbStore.open(Files.createTempDirectory("kam-votes-drill"))) {
            db.inTransaction(tx -> {
                votes.record(tx, 1, "payment-terms", "zh", 1, false);
                votes.record(tx, 1, "lead-time", "en", 0, true);
                votes.record(tx, 2, "exclusivity", "en", 0, false);
                assertEquals(new Drills.Pick("payment-terms", "disliked"), drills.next(tx, 1, DAY).orElseThrow());
                assertEquals(new Drills.Pick("exclusivity", "disliked"), drills.next(tx, 2, DAY).orElseThrow());
                assertEquals(new Drills.Pick("price-too-high", "new"), drills.next(tx, 3, DAY).orElseThrow());
                return null;
            });
        }
    }

    @Test
    void streakCountsDaysInARow() throws Exception {
        PracticeStore store = new PracticeStore();
        try (MapDbStore db = MapDbStore.open(Files.createTempDirectory("kam-streak"))) {
            db.inTransaction(tx -> {
                store.practised(tx, 1, PracticeStore.DRILL, java.util.List.of(Move.ASK), DAY);
                store.practised(tx, 1, PracticeStore.QUIZ, java.util.List.of(), DAY);
                PracticeStore.Stats two = store.practised(tx, 1, PracticeStore.DRILL, java.util.List.of(Move.ASK, Move.NEXT),
                        DAY.plusDays(1));
                assertEquals(2, two.streak());
                assertEquals(2, two.streakOn(DAY.plusDays(2)), "still on the day after");
                assertEquals(0, two.streakOn(DAY.plusDays(3)), "a missed day ends the run");
                assertEquals(2, two.missed().get("ask"));
                assertEquals(2, two.drills());
                assertEquals(1, two.quizzes());
                PracticeStore.Stats again = store.practised(tx, 1, PracticeStore.DRILL, java.util.List.of(), DAY.plusDays(4));
                assertEquals(1, again.streak());
                assertEquals(2, again.best());
                assertEquals(0, store.stats(tx, 2).drills(), "another rep has nothing");
                for (String table : java.util.List.of("practice-items", "practice-stats", "practice-talk")) {
                    var spec = coach.kam.testing.Kept.table(table);
                    assertEquals(true, spec.exportable(), table + " is the rep's own data");
                    assertEquals(true, spec.ownedBy("12/o/price-too-high", 12) && spec.ownedBy("12", 12)
                            && !spec.ownedBy("123/o/price-too-high", 12), table);
                }
                return null;
            });
        }
    }
}
