package coach.kam.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.kam.Catalogue;
import coach.kam.testing.Kept;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.lang.reflect.Field;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
    void everyTableDeclaredInTheProgramIsInTheCatalogue() throws Exception {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("coach.kam");
        List<String> missing = new ArrayList<>();
        List<String> found = new ArrayList<>();
        for (JavaClass c : classes) {
            for (JavaField f : c.getFields()) {
                if (!f.getRawType().isEquivalentTo(Table.class) || !f.getModifiers().contains(JavaModifier.STATIC)) {
                    continue;
                }
                Field field = f.reflect();
                field.setAccessible(true);
                Table<?> t = (Table<?>) field.get(null);
                found.add(t.name());
                if (!Catalogue.tables().named(t.name()).filter(t::equals).isPresent()) {
                    missing.add(c.getSimpleName() + "." + f.getName() + " " + t);
                }
            }
        }
        assertTrue(found.size() > 40, "found " + found);
        assertEquals(List.of(), missing, "tables declared in a class but not in coach.kam.Catalogue");
        assertEquals(Catalogue.tables().all().size(), new java.util.TreeSet<>(found).size(),
                "the catalogue lists a table no class declares");
    }

    @Test
    void aCatalogueRefusesTwoTablesOfOneName() {
        Table<ContactV1> one = Table.owned("contacts", ContactV1.class);
        Table<ContactV2> two = Table.operational("contacts", ContactV2.class);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Tables(List.of(one, two)));
        assertTrue(e.getMessage().contains("contacts"), e.getMessage());
    }

    @Test
    void operationalTablesAreNotExportedAndOwnershipFollowsTheKey() {
        for (String name : List.of("send-queue", "send-documents", "inbox", "schedule", "embeddings", "inactive-chats")) {
            assertFalse(Kept.table(name).exportable(), name);
        }
        Table<?> notes = Kept.table("notes");
        assertTrue(notes.exportable());
        assertTrue(notes.ownedBy("12/000000000001/000000000007", 12));
        assertFalse(notes.ownedBy("123/000000000001", 12));
        assertTrue(Kept.table("sessions").ownedBy("12", 12));
        Table<?> feedback = Kept.table("script-feedback");
        assertTrue(feedback.ownedBy("12/price-too-high/zh/000000000000", 12));
        assertFalse(feedback.ownedBy("team/price-too-high/zh/0", 12));
        assertEquals(12L, feedback.owner("12/x").orElseThrow());
        assertTrue(Kept.table("send-queue").owner("12/x").isEmpty(), "machinery belongs to no rep");
    }

    @Test
    void everyRepTableRefusesAKeyOutsideTheScheme() {
        try (MapDbStore store = MapDbStore.open(dir)) {
            List<String> let = new ArrayList<>();
            for (Table<?> t : Catalogue.tables().exportable()) {
                for (String bad : List.of("rep/12/x", "12/7", "x/12", "", "12/000000000001/3")) {
                    try {
                        store.inTransaction(tx -> {
                            tx.putRecord(t, bad, Json.MAPPER.createObjectNode());
                            return null;
                        });
                        let.add(t.name() + " '" + bad + "'");
                    } catch (IllegalArgumentException expected) {
                        assertTrue(expected.getMessage().contains(t.name()), expected.getMessage());
                    }
                }
                store.inTransaction(tx -> {
                    tx.putRecord(t, Keys.of(12, 1L, "x"), Json.MAPPER.createObjectNode());
                    return null;
                });
            }
            assertEquals(List.of(), let, "keys a rep's table kept although they are outside the scheme");
            assertTrue(Catalogue.tables().exportable().size() > 30);
        }
    }

    @Test
    void aRecordWrittenByAnOlderVersionIsMigratedWhenRead() {
        Table<ContactV1> v1 = Table.owned("test-contacts", ContactV1.class);
        Table<ContactV2> v3 = Table.owned("test-contacts", ContactV2.class)
                .migrating(1, node -> {
                    ObjectNode out = node.deepCopy();
                    out.set("mobile", out.remove("phone"));
                    return out;
                })
                .migrating(2, node -> {
                    ObjectNode out = node.deepCopy();
                    out.put("mobile", "+86 " + out.path("mobile").asText());
                    return out;
                });
        assertEquals(3, v3.schemaVersion());
        try (MapDbStore store = MapDbStore.open(dir)) {
            store.inTransaction(tx -> {
                tx.put(v1, "7/li", new ContactV1("Li Lei", "138"));
                return null;
            });
        }
        try (MapDbStore store = MapDbStore.open(dir)) {
            assertEquals(new ContactV2("Li Lei", "+86 138"), store.inTransaction(tx -> tx.get(v3, "7/li")).orElseThrow());
            assertEquals(List.of(new ContactV2("Li Lei", "+86 138")), store.inTransaction(tx -> tx.withPrefix(v3, "7/")));
            // generic readers see the same migrated record, without the version field
            ObjectNode raw = store.inTransaction(tx -> tx.records(v3, "7/")).get("7/li");
            assertEquals("+86 138", raw.path("mobile").asText());
            assertFalse(raw.has("_v"));
            // a table that skips a step says which
            Table<ContactV2> gap = Table.owned("test-contacts", ContactV2.class).migrating(2, n -> n);
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> store.inTransaction(tx -> tx.get(gap, "7/li")));
            assertTrue(e.getMessage().contains("from version 1"), e.getMessage());
        }
    }

    @Test
    void aCopyOpensAsAStoreWithEverythingCommitted() {
        Table<ContactV1> t = Table.owned("test-copy", ContactV1.class);
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
