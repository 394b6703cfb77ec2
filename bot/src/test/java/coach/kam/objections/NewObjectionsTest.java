package coach.kam.objections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.kam.knowledge.Objection;
import coach.kam.testing.TestCoach;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The objections added for common B2B pushback (lead time, listing fees, minimum order,
 * exclusivity, tenders, head office) are found for what reps reported, and for fresh phrases
 * written after the files; the payment-terms script speaks of the customer's own number of days.
 */
class NewObjectionsTest {
    private static final List<String> ADDED = List.of(
            "lead-time", "listing-fees", "minimum-order", "exclusivity", "must-tender", "headquarters-decides");

    private static Lookup match(String said) {
        return new ObjectionMatcher(TestCoach.indexes().objections(), TestCoach.knowledge()).match(said);
    }

    @Test
    void theFieldReportsGetTheRightScript() {
        assertSure("你们交期太长了", "lead-time");
        assertSure("端架费太贵了", "listing-fees");
        assertSure("账期太短了,我们要180天", "payment-terms");
        assertSure("your lead time is way too long", "lead-time");
        assertSure("the listing fee is too expensive", "listing-fees");
    }

    @Test
    void thePaymentTermsScriptsAreNotBuiltAroundNinetyDays() {
        Objection terms = TestCoach.knowledge().objection("payment-terms").orElseThrow();
        for (String lang : List.of("zh", "en")) {
            for (String script : terms.in(lang).scripts()) {
                assertFalse(script.contains("90"), script);
            }
        }
    }

    @Test
    void everyAddedObjectionHasBothLanguages() {
        for (String id : ADDED) {
            Objection o = TestCoach.knowledge().objection(id).orElseThrow(() -> new AssertionError(id));
            for (String lang : List.of("zh", "en")) {
                assertTrue(o.in(lang).phrasings().size() >= 16, id + " " + lang);
                assertTrue(o.in(lang).scripts().size() >= 3, id + " " + lang);
            }
        }
    }

    @Test
    void freshPhrasesAreMatchedFirst() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("src/test/resources/objections/new-objections-fresh.tsv"),
                StandardCharsets.UTF_8);
        int total = 0;
        int first = 0;
        int sure = 0;
        List<String> misses = new ArrayList<>();
        for (String line : lines) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t");
            Lookup found = match(f[0]);
            total++;
            boolean top = !found.matches().isEmpty() && found.best().id().equals(f[1]);
            first += top ? 1 : 0;
            sure += top && found.confident() ? 1 : 0;
            if (!top) {
                misses.add(f[0] + " -> " + (found.matches().isEmpty() ? "nothing" : found.best().id()) + " (want " + f[1] + ")");
            }
        }
        System.out.printf("new objections, fresh phrases: %d/%d first (%.1f%%), %d first and sure%n",
                first, total, 100.0 * first / total, sure);
        misses.forEach(m -> System.out.println("  miss: " + m));
        assertTrue(total >= 36, "phrases: " + total);
        assertTrue(first >= total * 0.75, "matched first: " + first + "/" + total);
    }

    private static void assertSure(String said, String id) {
        Lookup found = match(said);
        assertEquals(id, found.best().id(), said + " -> " + found.matches());
        assertTrue(found.confident(), said + " is matched but not surely: " + found.similarity());
    }
}
