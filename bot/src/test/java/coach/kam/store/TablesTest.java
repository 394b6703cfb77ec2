package coach.kam.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TablesTest {
    /** The shape of a record before its field was renamed. */
    public record ContactV1(String name, String phone) {
    }

    /** Version 2 calls the phone "mobile" and adds a country code. */
    public record ContactV2(String name, String mobile) {
    }

    @TempDir
    Path dir;

    @Test
    void everyTableInTheProgramIsListedInTheRegistry() throws IOException {
        Pattern declared = Pattern.compile("Table\\.of\\(\"([^\"]+)\"");
        List<String> missing = new ArrayList<>();
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = declared.matcher(Files.readString(f));
                while (m.find()) {
                    found.add(m.group(1));
                    if (Tables.spec(m.group(1)).isEmpty()) {
                        missing.add(m.group(1) + " (" + f + ")");
                    }
                }
            }
        }
        assertTrue(found.size() > 20, "found " + found);
        assertEquals(List.of(), missing, "tables declared with Table.of but not listed in Tables");
    }

    @Test
    void operationalTablesAreNotExportedAndOwnershipFollowsTheKey() {
        for (String name : List.of("send-queue", "send-documents", "inbox", "schedule", "embeddings", "inactive-chats")) {
            assertFalse(Tables.spec(name).orElseThrow().exportable(), name);
        }
        Tables.Spec notes = Tables.spec("notes").orElseThrow();
        assertTrue(notes.exportable());
        assertTrue(notes.ownedBy("12/000000000001/000000000007", 12));
        assertFalse(notes.ownedBy("123/000000000001", 12));
        assertTrue(Tables.spec("sessions").orElseThrow().ownedBy("12", 12));
        Tables.Spec feedback = Tables.spec("script-feedback").orElseThrow();
        assertTrue(feedback.ownedBy("rep/12/price-too-high/zh/0", 12));
        assertFalse(feedback.ownedBy("team/price-too-high/zh/0", 12));
        assertEquals(12L, feedback.owner("rep/12/x").orElseThrow());
    }

    @Test
    void aRecordWrittenByAnOlderVersionIsMigratedWhenRead() {
        Tables.migration("test-contacts", 1, node -> {
            ObjectNode out = node.deepCopy();
            out.set("mobile", out.remove("phone"));
            return out;
        });
        Tables.migration("test-contacts", 2, node -> {
            ObjectNode out = node.deepCopy();
            out.put("mobile", "+86 " + out.path("mobile").asText());
            return out;
        });
        Table<ContactV1> v1 = new Table<>("test-contacts", ContactV1.class, 1);
        try (MapDbStore store = MapDbStore.open(dir)) {
            store.inTransaction(tx -> {
                tx.put(v1, "7/1", new ContactV1("Li Lei", "138"));
                return null;
            });
        }
        Table<ContactV2> v3 = new Table<>("test-contacts", ContactV2.class, 3);
        try (MapDbStore store = MapDbStore.open(dir)) {
            assertEquals(new ContactV2("Li Lei", "+86 138"), store.inTransaction(tx -> tx.get(v3, "7/1")).orElseThrow());
            assertEquals(List.of(new ContactV2("Li Lei", "+86 138")), store.inTransaction(tx -> tx.withPrefix(v3, "7/")));
            // generic readers see the same migrated record, without the version field
            ObjectNode raw = store.inTransaction(tx -> tx.records("test-contacts", "7/")).get("7/1");
            assertEquals("+86 138", raw.path("mobile").asText());
            assertFalse(raw.has("_v"));
        }
    }

    @Test
    void aCopyOpensAsAStoreWithEverythingCommitted() {
        Table<ContactV1> t = Table.owned("test-copy", ContactV1.class, 1);
        Path copy = dir.resolve("copy").resolve(MapDbStore.FILE_NAME);
        try (MapDbStore store = MapDbStore.open(dir.resolve("live"))) {
            store.inTransaction(tx -> {
                tx.put(t, "1/a", new ContactV1("a", "1"));
                tx.nextId("account");
                return null;
            });
            store.copyTo(copy);
            store.inTransaction(tx -> {
                tx.put(t, "1/b", new ContactV1("b", "2"));
                return null;
            });
        }
        try (MapDbStore restored = MapDbStore.open(copy.getParent())) {
            assertEquals(List.of(new ContactV1("a", "1")), restored.inTransaction(tx -> tx.withPrefix(t, "1/")));
            assertEquals(2L, (long) restored.inTransaction(tx -> tx.nextId("account")));
        }
    }
}
