package coach.kam.practice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.kam.testing.TestCoach;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every quiz question made from the knowledge has three different choices, a right one, and a file it comes from. */
class QuizzesTest {
    private final Quizzes quizzes = new Quizzes(TestCoach.knowledge());

    @Test
    void everyQuestionIsWellFormedInBothLanguages() {
        List<Quizzes.Question> all = quizzes.all();
        assertTrue(all.size() >= 25, "questions: " + all.size());
        Set<String> ids = new HashSet<>();
        for (Quizzes.Question q : all) {
            assertTrue(ids.add(q.id()), "id used twice: " + q.id());
            assertTrue(q.id().length() <= 40, "the id travels in a dialog: " + q.id());
            for (String lang : List.of("zh", "en")) {
                List<String> c = q.choices(lang);
                assertEquals(3, c.size(), q.id());
                assertEquals(3, new HashSet<>(c).size(), "choices differ: " + q.id() + " " + c);
                assertTrue(!q.prompt(lang).isBlank());
            }
            assertTrue(q.answer() >= 0 && q.answer() < 3);
            assertTrue(Files.isRegularFile(Path.of("..").resolve(q.source())), q.source());
        }
        for (String kind : List.of("after/", "tier/", "part/")) {
            assertTrue(all.stream().anyMatch(q -> q.id().startsWith(kind)), kind);
        }
        assertTrue(all.subList(0, 3).stream().map(q -> q.id().substring(0, q.id().indexOf('/'))).distinct().count() == 3,
                "the first three questions are of three kinds");
    }

    @Test
    void theRightAnswersFollowTheFiles() {
        Quizzes.Question lead = quizzes.get("after/lead-to-cash/lead").orElseThrow();
        assertEquals("Qualify", lead.choices("en").get(lead.answer()));
        assertEquals("资格确认", lead.choices("zh").get(lead.answer()));
        Quizzes.Question a = quizzes.get("tier/A80").orElseThrow();
        assertEquals("invest for growth", a.choices("en").get(a.answer()));
        Quizzes.Question step = quizzes.get("after/uplift-five-steps/classify").orElseThrow();
        assertEquals("Analyse growth opportunities", step.choices("en").get(step.answer()), "the step number is left out");
    }
}
