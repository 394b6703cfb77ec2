package coach.kam.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.kam.Catalogue;
import coach.kam.accounts.Account;
import coach.kam.accounts.Accounts;
import coach.kam.export.DataJson;
import coach.kam.plans.Plans;
import coach.kam.targets.Targets;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Keys written before the one key scheme: moved once at start, in bounded steps, and on import. */
class KeyUpgradeTest {
    private static final Instant NOW = Instant.parse("2026-12-01T02:00:00Z");

    @TempDir
    Path dir;

    /** A rep's table as older versions wrote it, with keys outside today's scheme. */
    private static Table<ObjectNode> before(String name) {
        return Table.operational(name, ObjectNode.class);
    }

    @Test
    void olderKeysMoveOnceWithTheirRecords() {
        try (MapDbStore store = MapDbStore.open(dir)) {
            Account a = store.inTransaction(tx -> new Accounts().create(tx, 42, "九州通", NOW));
            ObjectNode plan = Json.MAPPER.valueToTree(new Plans.Plan("JBP", NOW, java.util.Map.of()));
            ObjectNode target = Json.MAPPER.valueToTree(new Targets.Target(BigDecimal.ONE, BigDecimal.TEN, NOW));
            store.inTransaction(tx -> {
                tx.putRecord(before("plans"), "42/" + a.id() + "/JBP", plan);
                tx.putRecord(before("account-targets"), "42/" + a.id(), target);
                return null;
            });
            // 4,500 old keys in one table: three steps of the walk
            store.inTransaction(tx -> {
                for (int i = 0; i < 4_500; i++) {
                    tx.putRecord(before("checklist-progress"), "42/" + i + "/c",
                            Json.MAPPER.createObjectNode().put("checklistId", "c"));
                }
                return null;
            });
            assertEquals(4_502, KeyUpgrade.run(store, Catalogue.tables()));
            assertTrue(store.inTransaction(tx -> new Plans().get(tx, a, Plans.Kind.JBP)).isPresent(),
                    "the plan is found under its new key");
            assertTrue(store.inTransaction(tx -> new Targets().account(tx, 42, a.id())).isPresent());
            var ticks = store.inTransaction(tx -> tx.records(before("checklist-progress"), "42/"));
            assertEquals(4_500, ticks.size());
            assertTrue(ticks.keySet().stream().allMatch(Keys::inScheme), "every key moved");
            assertFalse(ticks.containsKey("42/7/c"));
            assertTrue(ticks.containsKey(Keys.of(42, 7L, "c")));
            assertEquals(0, KeyUpgrade.run(store, Catalogue.tables()), "done once");
        }
        try (MapDbStore again = MapDbStore.open(dir)) {
            assertEquals(0, KeyUpgrade.run(again, Catalogue.tables()), "and remembered");
        }
    }

    @Test
    void anImportOfAnOlderExportLandsInTheScheme() {
        ObjectNode root = Json.MAPPER.createObjectNode().put("format", DataJson.FORMAT).put("formatVersion", 1);
        ObjectNode tables = root.putObject("tables");
        tables.putObject("territory").put("version", 1).putObject("records").putObject("42/7")
                .put("pattern", "farmer").put("at", NOW.toString());
        tables.putObject("script-feedback").put("version", 1).putObject("records").putObject("rep/42/price/zh/1")
                .put("worked", 1).put("failed", 0);
        try (MapDbStore store = MapDbStore.open(dir)) {
            DataJson.Result r = store.inTransaction(tx -> DataJson.importInto(tx, Catalogue.tables(), root,
                    Optional.of(42L)));
            assertEquals(List.of(), r.refused());
            assertEquals(2, r.records());
            assertTrue(store.inTransaction(tx -> tx.records(before("territory"), "42/")).containsKey(Keys.of(42, 7L)));
            assertTrue(store.inTransaction(tx -> tx.records(before("script-feedback"), "42/"))
                    .containsKey(Keys.of(42, "price", "zh", 1)));
        }
    }
}
