package coach.kam.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import coach.kam.flows.Answer;
import coach.kam.flows.Person;
import coach.kam.store.Json;
import coach.kam.store.MapDbStore;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A walkthrough's answers keep their stored shape, and a run saved with them comes back whole after a reopen. */
class StoredDialogTest {
    private static final Instant AT = Instant.parse("2026-11-02T08:30:00Z");

    @TempDir
    Path dir;

    private static Dialog run() {
        Map<String, Answer> answers = new LinkedHashMap<>();
        answers.put("revenue", Answer.of("12000000"));
        answers.put("channels", Answer.choices(List.of("hospital", "retail")));
        answers.put("buyer", new Answer("王总 · 采购总监", List.of(), new Person("王总", "采购总监", "champion")));
        return new Dialog(41, 7, "walk", "profile", 3, "buyer", 5, answers, List.of("revenue", "channels"), 12L,
                Map.of("phase", "stance"), AT, AT.plusSeconds(60), null);
    }

    @Test
    void answersAreStoredUnderTheSameFieldNames() throws Exception {
        JsonNode stored = Json.MAPPER.readTree(Json.MAPPER.writeValueAsString(run()));
        JsonNode expected = Json.MAPPER.readTree("""
                {"revenue": {"value": "12000000", "ids": [], "person": null},
                 "channels": {"value": "hospital,retail", "ids": ["hospital", "retail"], "person": null},
                 "buyer": {"value": "王总 · 采购总监", "ids": [],
                           "person": {"name": "王总", "title": "采购总监", "stance": "champion"}}}
                """);
        assertEquals(expected, stored.get("answers"));
        assertEquals(List.of("id", "userId", "kind", "flow", "version", "step", "seq", "answers", "history",
                "accountId", "context", "startedAt", "touched", "returnTo", "walkthrough"), fieldNames(stored));
    }

    @Test
    void aRunWithAnswersComesBackAfterTheStoreIsReopened() {
        Dialog saved = run();
        try (MapDbStore store = MapDbStore.open(dir)) {
            store.inTransaction(tx -> {
                Dialogs.put(tx, saved);
                return null;
            });
        }
        try (MapDbStore store = MapDbStore.open(dir)) {
            Optional<Dialog> back = store.inTransaction(tx -> Dialogs.get(tx, 7, 41));
            assertEquals(Optional.of(saved), back);
            assertEquals("champion", back.orElseThrow().answers().get("buyer").person().stance());
        }
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
